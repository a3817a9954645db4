package org.align3d.ers;

import java.util.Objects;
import org.apache.lucene.search.knn.KnnSearchStrategy;

/**
 * A per-query ERS search budget, passed the way Lucene passes HNSW options: {@code new
 * KnnFloatVectorQuery(field, target, k, filter, new ErsSearchStrategy(64))}. Collectors hand the strategy
 * to {@link ErsVectorsReader#search}, which then visits {@code leaves} leaves per segment instead of the
 * field's default. Segments of other formats ignore it.
 *
 * @param leaves how many leaf clusters to visit per segment (before the filter-selectivity scaling)
 * @param oversample candidates per requested hit rescored on raw vectors, or 0 for the field's default
 */
public final class ErsSearchStrategy extends KnnSearchStrategy {
  private final int leaves;
  private final int oversample;

  public ErsSearchStrategy(int leaves) {
    this(leaves, 0);
  }

  public ErsSearchStrategy(int leaves, int oversample) {
    ErsParameters.requireRange("search leaves", leaves, 1, ErsParameters.MAX_SEARCH_LEAVES);
    ErsParameters.requireRange("oversample", oversample, 0, ErsParameters.MAX_OVERSAMPLE);
    this.leaves = leaves;
    this.oversample = oversample;
  }

  public int leaves() {
    return leaves;
  }

  public int oversample() {
    return oversample;
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof ErsSearchStrategy other && other.leaves == leaves && other.oversample == oversample;
  }

  @Override
  public int hashCode() {
    return Objects.hash(leaves, oversample);
  }

  @Override
  public void nextVectorsBlock() {
    // ERS scores whole leaves; it has no per-block state to advance.
  }

  @Override
  public String toString() {
    return "ErsSearchStrategy[leaves=" + leaves + ", oversample=" + oversample + "]";
  }
}
