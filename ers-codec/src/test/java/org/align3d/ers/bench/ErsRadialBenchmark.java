package org.align3d.ers.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.align3d.ers.ErsRadialStrategy;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.FloatVectorSimilarityQuery;
import org.apache.lucene.util.VectorUtil;

/**
 * {@code ./align3d bench ers-radial}: radial search (every vector at or above a score, k-NN's {@code min_score})
 * with ERS ({@link ErsRadialStrategy}) beside Lucene HNSW's {@link FloatVectorSimilarityQuery} (what k-NN's Lucene
 * engine runs) and exact brute force, over the same vectors in one JVM. Each query's threshold lies between the exact
 * scores of its R-th and (R+1)-th nearest vectors, so exact search finds R (more on ties); recall is the share of
 * those found. Every
 * hit a method returns is at or above the threshold (all three score hits on raw vectors). Takes the flags of
 * {@code bench ers} (data, size, similarity, ERS parameters) plus {@code --ranks LIST} (default 10,100,1000),
 * {@code --radial-leaves LIST} (ERS leaf budgets, default 4,16,64) and {@code --decays LIST} (HNSW traversal decay,
 * Lucene's knob, default 0.5,0.9).
 */
public final class ErsRadialBenchmark {
  private ErsRadialBenchmark() {}

  record Row(String method, String budget, int rank, double meanTruth, double recall, double qps, double p50Ms, double p99Ms) {}

  public static void main(String[] args) throws Exception {
    List<Integer> ranks = List.of(10, 100, 1000);
    List<Integer> leaves = List.of(4, 16, 64);
    List<Float> decays = List.of(0.5f, 0.9f);
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--ranks" -> ranks = ints(args[++i]);
        case "--radial-leaves" -> leaves = ints(args[++i]);
        case "--decays" -> decays = Arrays.stream(args[++i].split(",")).map(Float::parseFloat).toList();
        default -> rest.add(args[i]);
      }
    }
    BenchmarkFlags flags;
    try {
      flags = BenchmarkFlags.parse(rest.toArray(String[]::new));
    } catch (BenchmarkFlags.HelpRequested help) {
      System.out.print(BenchmarkFlags.USAGE.replace("bench ers [flags]", "bench ers-radial [flags]")
          + "  --ranks LIST       thresholds: each query's R-th nearest score (default 10,100,1000)\n"
          + "  --radial-leaves L  ERS leaf budgets before its stopping rule (default 4,16,64)\n"
          + "  --decays LIST      HNSW traversal decay of FloatVectorSimilarityQuery (default 0.5,0.9)\n");
      return;
    }
    run(flags, ranks, leaves, decays);
  }

  private static List<Integer> ints(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
  }

  static void run(BenchmarkFlags flags, List<Integer> ranks, List<Integer> leaves, List<Float> decays) throws IOException {
    Dataset data = Dataset.load(flags);
    VectorSimilarityFunction similarity = flags.similarity();
    if (similarity == VectorSimilarityFunction.DOT_PRODUCT) {
      for (float[] v : data.docs()) {
        VectorUtil.l2normalize(v);
      }
      for (float[] v : data.queries()) {
        VectorUtil.l2normalize(v);
      }
    }
    float[][] queries = data.queries();
    // thresholds[r][q]: the score of query q's ranks[r]-th nearest; truth[r][q]: every id at or above it
    float[][] thresholds = new float[ranks.size()][queries.length];
    int[][][] truth = new int[ranks.size()][queries.length][];
    ErsBenchmark.log("exact thresholds and ground truth (%d queries, ranks %s)", queries.length, ranks);
    for (int q = 0; q < queries.length; q++) {
      float[] scores = new float[data.docs().length];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = similarity.compare(queries[q], data.docs()[i]);
      }
      float[] sorted = scores.clone();
      Arrays.sort(sorted);
      for (int r = 0; r < ranks.size(); r++) {
        // halfway to the next score: a threshold equal to a score would make the R-th hit depend on the last bit of
        // its dot product, which vectorised code may round differently from call to call
        int at = Math.max(0, sorted.length - ranks.get(r));
        float t = at == 0 ? sorted[0] : (sorted[at] + sorted[at - 1]) / 2;
        thresholds[r][q] = t;
        truth[r][q] = above(scores, t);
      }
    }
    List<Row> rows = new ArrayList<>();
    Path work = flags.workDir() != null ? flags.workDir() : Files.createTempDirectory("ers-radial-bench");
    try {
      IndexedMethod.QueryFactory unused = (t, b, k) -> null;
      try (IndexedMethod ers = new IndexedMethod("ERS", new org.align3d.ers.ErsVectorsFormat(flags.ers()), new IndexedMethod.Set(List.of()),
          leaves, unused, data, similarity, work.resolve("ers"), flags.ramBufferMb())) {
        ErsBenchmark.log("ERS built in %.1f s", ers.buildNanos / 1e9);
        for (int r = 0; r < ranks.size(); r++) {
          for (int budget : leaves) {
            int rr = r;
            rows.add(measure("ERS radial", "leaves " + budget, ranks.get(r), truth[r], queries,
                (q, target) -> ers.searchAll(ErsRadialStrategy.query(IndexedMethod.FIELD, target, thresholds[rr][q], 0.5f, null, budget))));
          }
        }
      }
      try (IndexedMethod hnsw = new IndexedMethod("HNSW float", new Lucene99HnswVectorsFormat(16, 100), new IndexedMethod.Set(List.of()),
          List.of(), unused, data, similarity, work.resolve("hnsw"), flags.ramBufferMb())) {
        ErsBenchmark.log("HNSW built in %.1f s", hnsw.buildNanos / 1e9);
        for (int r = 0; r < ranks.size(); r++) {
          for (float decay : decays) {
            int rr = r;
            rows.add(measure("HNSW float (Lucene radial)", "decay " + decay, ranks.get(r), truth[r], queries,
                (q, target) -> hnsw.searchAll(new FloatVectorSimilarityQuery(IndexedMethod.FIELD, target, thresholds[rr][q], decay, null))));
          }
        }
      }
    } finally {
      if (flags.workDir() == null) {
        ErsBenchmark.deleteTree(work);
      }
    }
    for (int r = 0; r < ranks.size(); r++) {
      int rr = r;
      rows.add(measure("exact", "-", ranks.get(r), truth[r], queries, (q, target) -> {
        float[] scores = new float[data.docs().length];
        for (int i = 0; i < scores.length; i++) {
          scores[i] = similarity.compare(target, data.docs()[i]);
        }
        return above(scores, thresholds[rr][q]);
      }));
    }
    String table = markdown(flags, data, rows);
    System.out.println(table);
    Files.writeString(flags.out(), table);
    ErsBenchmark.log("wrote %s", flags.out().toAbsolutePath());
  }

  private static int[] above(float[] scores, float threshold) {
    int n = 0;
    int[] ids = new int[16];
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] >= threshold) {
        if (n == ids.length) {
          ids = Arrays.copyOf(ids, n * 2);
        }
        ids[n++] = i;
      }
    }
    return Arrays.copyOf(ids, n);
  }

  interface Search {
    int[] run(int query, float[] target) throws IOException;
  }

  /** Two warm-up passes, then one measured pass; recall is the share of the true hits found. */
  private static Row measure(String method, String budget, int rank, int[][] truth, float[][] queries, Search search) throws IOException {
    for (int round = 0; round < 2; round++) {
      for (int q = 0; q < queries.length; q++) {
        search.run(q, queries[q]);
      }
    }
    long[] latencies = new long[queries.length];
    double recall = 0;
    double truthSize = 0;
    long start = System.nanoTime();
    for (int q = 0; q < queries.length; q++) {
      long t0 = System.nanoTime();
      int[] hits = search.run(q, queries[q]);
      latencies[q] = System.nanoTime() - t0;
      Arrays.sort(hits);
      int found = 0;
      for (int id : truth[q]) {
        found += Arrays.binarySearch(hits, id) >= 0 ? 1 : 0;
      }
      recall += (double) found / truth[q].length;
      truthSize += truth[q].length;
    }
    long total = System.nanoTime() - start;
    ErsBenchmark.Result r = ErsBenchmark.Result.of(method, 0, 0, 0, 0, recall / queries.length, total, latencies);
    ErsBenchmark.log("%s %s rank %d: recall %.3f, p50 %.2f ms", method, budget, rank, r.recall(), r.p50Ms());
    return new Row(method, budget, rank, truthSize / queries.length, r.recall(), r.qps(), r.p50Ms(), r.p99Ms());
  }

  private static String markdown(BenchmarkFlags flags, Dataset data, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%n%s, %d vectors x %d dims, %d queries, %s; %d cores, %s%n%nERS parameters: %s%n%n",
        data.name(), data.docs().length, data.dims(), data.queries().length, flags.similarity(),
        ErsBenchmark.machine().cores(), ErsBenchmark.machine().jvm(), flags.ers()));
    sb.append("| threshold: score of the R-th nearest | method | budget | true hits (mean) | recall | QPS | p50 ms | p99 ms |\n");
    sb.append("|---:|---|---|---:|---:|---:|---:|---:|\n");
    rows.stream().sorted((a, b) -> Integer.compare(a.rank(), b.rank())).forEach(r -> sb.append(String.format(Locale.ROOT,
        "| %d | %s | %s | %.1f | %.3f | %.0f | %.2f | %.2f |%n", r.rank(), r.method(), r.budget(), r.meanTruth(), r.recall(), r.qps(),
        r.p50Ms(), r.p99Ms())));
    return sb.toString();
  }
}
