package org.align3d.ers.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.align3d.ers.ErsParameters;
import org.apache.lucene.index.VectorSimilarityFunction;

/** The flags of {@code ./align3d bench ers}, parsed and validated once. */
record BenchmarkFlags(
    String dataset,
    int vectors,
    int dims,
    int queries,
    long seed,
    int k,
    VectorSimilarityFunction similarity,
    Path out,
    Path workDir,
    int ramBufferMb,
    List<String> methods,
    List<Integer> ersLeaves,
    List<Integer> hnswFanouts,
    ErsParameters ers) {

  static final String USAGE =
      """
      usage: ./align3d bench ers [flags]
      Builds ERS, Lucene HNSW (float), Lucene HNSW (int8 scalar quantized) and exact brute force over the same
      vectors in one JVM, then prints a markdown table and writes JSON.
        --dataset D        clustered (mixture of Gaussians), uniform, or fvecs:PATH (default clustered)
        --vectors N        indexed vectors (default 100000)
        --dims D           dimensions of generated data (default 384; fvecs files carry their own)
        --queries Q        queries, drawn from the same distribution (fvecs: the vectors after the first N) (default 200)
        --seed S           data seed (default 42)
        --k K              neighbours per query for recall (default 10)
        --similarity S     cosine, dot_product, euclidean or maximum_inner_product (default cosine)
        --out FILE         JSON results (default ers-bench.json)
        --work-dir DIR     where the indexes are built; deleted afterwards (default a temp directory)
        --ram-buffer-mb M  IndexWriter RAM buffer, i.e. flushed segment size before the final merge (default 512)
        --methods LIST     comma list of ers,hnsw,hnsw-int8,exact (default all)
        --ers-leaves LIST  ERS search budgets, leaves per query (default 1,2,4,8,16,32,64)
        --hnsw-fanout LIST HNSW candidate counts (k' searched, top k kept) (default 10,20,40,80,160,320)
        --ers-leaf-size N, --ers-branching N, --ers-spill R, --ers-bits 4|8, --ers-graph-degree N, --ers-oversample N
                           ERS index parameters (defaults: ErsParameters.DEFAULTS, see README)
        --help             this text
      """;

  static BenchmarkFlags parse(String[] args) {
    String dataset = "clustered";
    int vectors = 100_000;
    int dims = 384;
    int queries = 200;
    long seed = 42;
    int k = 10;
    VectorSimilarityFunction similarity = VectorSimilarityFunction.COSINE;
    Path out = Path.of("ers-bench.json");
    Path workDir = null;
    int ramBufferMb = 512;
    List<String> methods = List.of("ers", "hnsw", "hnsw-int8", "exact");
    List<Integer> ersLeaves = List.of(1, 2, 4, 8, 16, 32, 64);
    ErsParameters d = ErsParameters.DEFAULTS;
    int leafSize = d.leafSize(), branching = d.branching(), bits = d.bits(), degree = d.graphDegree(), oversample = d.oversample();
    float spill = d.spillRatio();
    List<Integer> hnswFanouts = List.of(10, 20, 40, 80, 160, 320);
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new HelpRequested();
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("flag " + flag + " needs a value");
      }
      String value = args[++i];
      switch (flag) {
        case "--dataset" -> {
          if (!value.equals("clustered") && !value.equals("uniform") && !value.startsWith("fvecs:")) {
            throw new IllegalArgumentException("--dataset must be clustered, uniform or fvecs:PATH, got " + value);
          }
          dataset = value;
        }
        case "--vectors" -> vectors = positive(flag, value, 100_000_000);
        case "--dims" -> dims = positive(flag, value, 4096);
        case "--queries" -> queries = positive(flag, value, 1_000_000);
        case "--seed" -> seed = Long.parseLong(value);
        case "--k" -> k = positive(flag, value, 1000);
        case "--similarity" -> {
          try {
            similarity = VectorSimilarityFunction.valueOf(value.toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--similarity must be one of " + Arrays.toString(VectorSimilarityFunction.values()) + ", got " + value);
          }
        }
        case "--out" -> out = Path.of(value);
        case "--work-dir" -> workDir = Path.of(value);
        case "--ram-buffer-mb" -> ramBufferMb = positive(flag, value, 64_000);
        case "--methods" -> {
          methods = List.of(value.split(","));
          for (String m : methods) {
            if (!List.of("ers", "hnsw", "hnsw-int8", "exact").contains(m)) {
              throw new IllegalArgumentException("--methods: unknown method " + m);
            }
          }
        }
        case "--ers-leaves" -> ersLeaves = intList(flag, value);
        case "--hnsw-fanout" -> hnswFanouts = intList(flag, value);
        case "--ers-leaf-size" -> leafSize = positive(flag, value, ErsParameters.MAX_LEAF_SIZE);
        case "--ers-branching" -> branching = positive(flag, value, ErsParameters.MAX_BRANCHING);
        case "--ers-bits" -> bits = positive(flag, value, 8);
        case "--ers-graph-degree" -> degree = Integer.parseInt(value);
        case "--ers-oversample" -> oversample = positive(flag, value, ErsParameters.MAX_OVERSAMPLE);
        case "--ers-spill" -> {
          try {
            spill = Float.parseFloat(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + value);
          }
        }
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    ErsParameters ers = new ErsParameters(leafSize, branching, spill, bits, degree, d.searchLeaves(), oversample);
    return new BenchmarkFlags(dataset, vectors, dims, queries, seed, k, similarity, out, workDir, ramBufferMb, methods, ersLeaves, hnswFanouts, ers);
  }

  private static int positive(String flag, String value, int max) {
    try {
      int v = Integer.parseInt(value);
      if (v < 1 || v > max) {
        throw new IllegalArgumentException(flag + " must be in [1, " + max + "], got " + value);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a whole number, got " + value);
    }
  }

  private static List<Integer> intList(String flag, String value) {
    List<Integer> list = new ArrayList<>();
    for (String part : value.split(",")) {
      list.add(positive(flag, part.trim(), 1 << 20));
    }
    return List.copyOf(list);
  }

  /** --help: print usage and exit 0. */
  static final class HelpRequested extends RuntimeException {
    HelpRequested() {
      super(null, null, false, false);
    }
  }
}
