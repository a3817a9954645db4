package org.align3d.ers;

import java.util.Objects;
import org.apache.lucene.search.FloatVectorSimilarityQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.knn.KnnSearchStrategy;

/**
 * Radial search in ERS: every vector scoring at least {@code minScore}, rather than the k nearest. Passed the
 * way Lucene passes search options to a similarity-threshold query:
 *
 * <pre>
 * ErsRadialStrategy.query(field, target, minScore, 0.5f, filter, 0)
 * </pre>
 *
 * which builds {@code new FloatVectorSimilarityQuery(field, target, minScore, 0.5f, filter, new
 * ErsRadialStrategy(minScore, 0))}, giving the threshold once so that the query and the strategy agree.
 *
 * Lucene's {@link FloatVectorSimilarityQuery} keeps the hits at or above its threshold and handles filters (an
 * exact search over the filter's documents when the approximate one stops at its visit limit); its collector
 * does not tell the format the threshold, so this strategy carries it. With it, ERS descends best-first as for
 * k nearest and keeps every leaf member whose quantized estimate comes within a small margin of the threshold;
 * once it has visited the leaf budget, it stops after as many leaves again in a row hold no such member. Those
 * candidates are then scored on their raw vectors, and the collector keeps the ones at or above the threshold,
 * so no hit is below it; a hit can be missed, as any approximate search can miss one (see the README's radial
 * benchmark). Without this strategy ERS treats such a query as a k-nearest search with k = 1 (it rescores
 * {@code oversample} candidates and returns those at or above the threshold). On HNSW segments it acts as the
 * {@code Hnsw(0)} strategy Lucene gives similarity queries.
 *
 * @param minScore the threshold in Lucene's score for the field's similarity ((1 + cos) / 2 for cosine), the
 *     same value the query is given (as {@link #query} does)
 * @param leaves leaves to visit per segment before the stopping rule applies (before the filter-selectivity
 *     scaling), or 0 for the field's {@code search_leaves}
 */
public final class ErsRadialStrategy extends KnnSearchStrategy.Hnsw {
  private final float minScore;
  private final int leaves;

  public ErsRadialStrategy(float minScore, int leaves) {
    super(0); // on HNSW segments: Lucene's own strategy for similarity queries (no filtered-search shortcut)
    if (!Float.isFinite(minScore)) {
      throw new IllegalArgumentException("radial search needs a finite minimum score, got " + minScore);
    }
    ErsParameters.requireRange("search leaves", leaves, 0, ErsParameters.MAX_SEARCH_LEAVES);
    this.minScore = minScore;
    this.leaves = leaves;
  }

  /**
   * Lucene's radial query with this strategy: every vector of {@code field} scoring at least {@code minScore}.
   *
   * @param decay Lucene's decay of the traversal threshold on HNSW segments ({@link FloatVectorSimilarityQuery})
   * @param filter documents to search among, or null
   * @param leaves as for the constructor
   */
  public static FloatVectorSimilarityQuery query(
      String field, float[] target, float minScore, float decay, Query filter, int leaves) {
    return new FloatVectorSimilarityQuery(
        field, target, minScore, decay, filter, new ErsRadialStrategy(minScore, leaves));
  }

  public float minScore() {
    return minScore;
  }

  public int leaves() {
    return leaves;
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof ErsRadialStrategy other && Float.compare(other.minScore, minScore) == 0 && other.leaves == leaves;
  }

  @Override
  public int hashCode() {
    return Objects.hash(minScore, leaves);
  }

  @Override
  public String toString() {
    return "ErsRadialStrategy[minScore=" + minScore + ", leaves=" + leaves + "]";
  }
}
