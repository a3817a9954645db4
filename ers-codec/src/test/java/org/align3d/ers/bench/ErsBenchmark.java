package org.align3d.ers.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.align3d.ers.ErsSearchStrategy;
import org.align3d.ers.ErsVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * {@code ./align3d bench ers}: builds ERS, Lucene HNSW (float; M=16, beamWidth=100), Lucene HNSW over
 * int8 scalar-quantized vectors (same graph parameters) and exact brute force over the same vectors in one
 * JVM; measures build time, bytes on disk, bytes search needs resident, and recall@k / single-thread QPS /
 * p50 and p99 latency at several search budgets per method. Prints a markdown table, writes JSON.
 */
public final class ErsBenchmark {
  private ErsBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkFlags flags;
    try {
      flags = BenchmarkFlags.parse(args);
    } catch (BenchmarkFlags.HelpRequested help) {
      System.out.print(BenchmarkFlags.USAGE);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println("bench ers: " + e.getMessage());
      System.err.print(BenchmarkFlags.USAGE);
      System.exit(2);
      return;
    }
    run(flags);
  }

  static void run(BenchmarkFlags flags) throws IOException {
    log("loading %s: %d vectors, %d queries", flags.dataset(), flags.vectors(), flags.queries());
    Dataset data = Dataset.load(flags);
    VectorSimilarityFunction similarity = flags.similarity();
    if (similarity == VectorSimilarityFunction.DOT_PRODUCT) {
      normalizeAll(data); // DOT_PRODUCT requires unit vectors
    }
    int k = flags.k();
    log("exact ground truth (%d queries)", data.queries().length);
    ExactSearcher exact = new ExactSearcher(data.docs(), similarity);
    int[][] truth = new int[data.queries().length][];
    for (int q = 0; q < truth.length; q++) {
      truth[q] = exact.search(data.queries()[q], k);
    }

    List<Result> results = new ArrayList<>();
    Path work = flags.workDir() != null ? flags.workDir() : Files.createTempDirectory("ers-bench");
    try {
      for (String method : flags.methods()) {
        if (method.equals("exact")) {
          results.add(measureExact(exact, data, truth, k));
          continue;
        }
        log("building %s", method);
        try (IndexedMethod index = build(method, flags, data, work.resolve(method))) {
          log("%s built in %.1f s; measuring", method, index.buildNanos / 1e9);
          warmUp(index, data, k);
          for (int budget : index.budgets) {
            results.add(measure(index, budget, data, truth, k));
          }
        }
        deleteTree(work.resolve(method));
      }
    } finally {
      if (flags.workDir() == null) {
        deleteTree(work);
      }
    }
    Report report = new Report(flags, data, results, machine());
    System.out.println(report.markdown());
    Files.writeString(flags.out(), report.json());
    log("wrote %s", flags.out().toAbsolutePath());
  }

  private static IndexedMethod build(String method, BenchmarkFlags flags, Dataset data, Path dir) throws IOException {
    VectorSimilarityFunction sim = flags.similarity();
    int mb = flags.ramBufferMb();
    return switch (method) {
      case "ers" ->
          new IndexedMethod(
              "ERS", new ErsVectorsFormat(flags.ers()),
              // centroids + tree + graph (.ersi, on heap), quantized leaf postings (.ersp); raw .vec only
              // serves ~k*oversample rescoring reads per query
              new IndexedMethod.Set(List.of("ersm", "ersi", "ersp")),
              flags.ersLeaves(),
              (t, b, kk) -> new KnnFloatVectorQuery(IndexedMethod.FIELD, t, kk, null, new ErsSearchStrategy(b)),
              data, sim, dir, mb);
      case "hnsw" ->
          new IndexedMethod(
              "HNSW float", new Lucene99HnswVectorsFormat(16, 100),
              // graph (.vex) + raw vectors (.vec), both read at every hop
              new IndexedMethod.Set(List.of("vem", "vex", "vemf", "vec")),
              flags.hnswFanouts(),
              (t, b, kk) -> new KnnFloatVectorQuery(IndexedMethod.FIELD, t, Math.max(kk, b)),
              data, sim, dir, mb);
      case "hnsw-int8" ->
          new IndexedMethod(
              "HNSW int8", new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, 16, 100),
              // graph (.vex) + quantized vectors (.veq); raw .vec is not read by search
              new IndexedMethod.Set(List.of("vem", "vex", "vemq", "veq")),
              flags.hnswFanouts(),
              (t, b, kk) -> new KnnFloatVectorQuery(IndexedMethod.FIELD, t, Math.max(kk, b)),
              data, sim, dir, mb);
      default -> throw new IllegalArgumentException("unknown method " + method);
    };
  }

  private static Result measure(IndexedMethod index, int budget, Dataset data, int[][] truth, int k) throws IOException {
    float[][] queries = data.queries();
    long[] latencies = new long[queries.length];
    double recall = 0;
    long start = System.nanoTime();
    for (int q = 0; q < queries.length; q++) {
      long t0 = System.nanoTime();
      int[] hits = index.search(queries[q], budget, k);
      latencies[q] = System.nanoTime() - t0;
      recall += recall(hits, truth[q]);
    }
    long total = System.nanoTime() - start;
    return Result.of(index.name, budget, index.buildNanos, index.diskBytes(), index.residentBytes(), recall / queries.length, total, latencies);
  }

  /** Runs every query at the smallest and largest budget: JIT compilation and page cache, not measured. */
  private static void warmUp(IndexedMethod index, Dataset data, int k) throws IOException {
    for (int round = 0; round < 2; round++) {
      for (float[] q : data.queries()) {
        index.search(q, index.budgets.get(0), k);
        index.search(q, index.budgets.get(index.budgets.size() - 1), k);
      }
    }
  }

  private static Result measureExact(ExactSearcher exact, Dataset data, int[][] truth, int k) {
    float[][] queries = data.queries();
    int n = Math.min(queries.length, 50); // warm-up on a few
    for (int q = 0; q < n; q++) {
      exact.search(queries[q], k);
    }
    long[] latencies = new long[queries.length];
    double recall = 0;
    long start = System.nanoTime();
    for (int q = 0; q < queries.length; q++) {
      long t0 = System.nanoTime();
      int[] hits = exact.search(queries[q], k);
      latencies[q] = System.nanoTime() - t0;
      recall += recall(hits, truth[q]);
    }
    long total = System.nanoTime() - start;
    long bytes = (long) data.docs().length * data.dims() * Float.BYTES;
    return Result.of("exact", 0, 0, bytes, bytes, recall / queries.length, total, latencies);
  }

  static double recall(int[] hits, int[] truth) {
    int found = 0;
    for (int h : hits) {
      for (int t : truth) {
        if (h == t) {
          found++;
          break;
        }
      }
    }
    return truth.length == 0 ? 1 : (double) found / truth.length;
  }

  private static void normalizeAll(Dataset data) {
    for (float[] v : data.docs()) {
      VectorUtil.l2normalize(v);
    }
    for (float[] v : data.queries()) {
      VectorUtil.l2normalize(v);
    }
  }

  static Report.Machine machine() {
    return new Report.Machine(
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
        ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[bench ers] " + format + "%n", args);
  }

  /** One point of a method's recall/QPS curve. */
  record Result(
      String method, int budget, long buildNanos, long diskBytes, long residentBytes, double recall, double qps, double p50Ms, double p99Ms) {
    static Result of(String method, int budget, long buildNanos, long diskBytes, long residentBytes, double recall, long totalNanos, long[] latencies) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      double p50 = sorted[(int) Math.min(sorted.length - 1, Math.round(0.50 * (sorted.length - 1)))] / 1e6;
      double p99 = sorted[(int) Math.min(sorted.length - 1, Math.round(0.99 * (sorted.length - 1)))] / 1e6;
      return new Result(method, budget, buildNanos, diskBytes, residentBytes, recall, latencies.length / (totalNanos / 1e9), p50, p99);
    }
  }
}
