package org.align3d.ers;

/**
 * Per-field parameters of the ERS index, validated once here. Every default is written down in this
 * record and nowhere else; {@link #DEFAULTS} is what the SPI (no-argument) format uses.
 *
 * @param leafSize the most vectors a leaf cluster holds from its own assignment (spilled copies come on
 *     top, at most {@code leafSize / 4} of them); default {@value #DEFAULT_LEAF_SIZE}
 * @param branching the most children of an inner cluster; default {@value #DEFAULT_BRANCHING}
 * @param spillRatio a vector is also written to its best secondary leaf (SOAR) when its squared distance
 *     to that leaf's centroid is at most {@code spillRatio} times the distance to its own leaf centroid;
 *     {@code 1.0} disables spilling; default {@value #DEFAULT_SPILL_RATIO} (in hundreds of dimensions
 *     distances to neighbouring centroids are close, so even small ratios qualify most vectors; the
 *     per-leaf cap keeps the extra postings to a quarter)
 * @param bits bits per dimension of the quantized codes that leaves are scored on: 4 or 8; default
 *     {@value #DEFAULT_BITS}
 * @param graphDegree how many nearest leaves the navigation graph links to each leaf; default {@value
 *     #DEFAULT_GRAPH_DEGREE}
 * @param searchLeaves default search budget: how many leaves a query visits in a segment (a query can
 *     override it with {@link ErsSearchStrategy}); default {@value #DEFAULT_SEARCH_LEAVES}
 * @param oversample how many candidates per requested hit are rescored on raw float vectors; default
 *     {@value #DEFAULT_OVERSAMPLE}
 */
public record ErsParameters(
    int leafSize, int branching, float spillRatio, int bits, int graphDegree, int searchLeaves, int oversample) {

  public static final int DEFAULT_LEAF_SIZE = 256;
  public static final int DEFAULT_BRANCHING = 64;
  public static final float DEFAULT_SPILL_RATIO = 1.05f;
  public static final int DEFAULT_BITS = 4;
  public static final int DEFAULT_GRAPH_DEGREE = 12;
  public static final int DEFAULT_SEARCH_LEAVES = 16;
  public static final int DEFAULT_OVERSAMPLE = 5;

  /** Bounds that keep a corrupt or hostile configuration from allocating without limit. */
  public static final int MAX_LEAF_SIZE = 1 << 16;
  public static final int MAX_BRANCHING = 1024;
  public static final float MAX_SPILL_RATIO = 4f;
  public static final int MAX_GRAPH_DEGREE = 128;
  public static final int MAX_SEARCH_LEAVES = 1 << 20;
  public static final int MAX_OVERSAMPLE = 100;

  /** Spilled copies a leaf takes, as a fraction of its own capacity. */
  public int spillCapacity() {
    return Math.max(1, leafSize / 4);
  }

  public static final ErsParameters DEFAULTS =
      new ErsParameters(
          DEFAULT_LEAF_SIZE,
          DEFAULT_BRANCHING,
          DEFAULT_SPILL_RATIO,
          DEFAULT_BITS,
          DEFAULT_GRAPH_DEGREE,
          DEFAULT_SEARCH_LEAVES,
          DEFAULT_OVERSAMPLE);

  public ErsParameters {
    requireRange("leafSize", leafSize, 2, MAX_LEAF_SIZE);
    requireRange("branching", branching, 2, MAX_BRANCHING);
    if (!(spillRatio >= 1f && spillRatio <= MAX_SPILL_RATIO)) {
      throw new IllegalArgumentException(
          "ERS spillRatio must be in [1.0, " + MAX_SPILL_RATIO + "] (1.0 disables spilling), got " + spillRatio);
    }
    if (bits != 4 && bits != 8) {
      throw new IllegalArgumentException("ERS bits must be 4 or 8, got " + bits);
    }
    requireRange("graphDegree", graphDegree, 0, MAX_GRAPH_DEGREE);
    requireRange("searchLeaves", searchLeaves, 1, MAX_SEARCH_LEAVES);
    requireRange("oversample", oversample, 1, MAX_OVERSAMPLE);
  }

  /** These parameters with another default search budget. */
  public ErsParameters withSearchLeaves(int leaves) {
    return new ErsParameters(leafSize, branching, spillRatio, bits, graphDegree, leaves, oversample);
  }

  static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("ERS " + name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }
}
