package org.align3d.ers.cluster;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.util.VectorUtil;

/**
 * Chooses secondary leaves for vectors near a cluster boundary, after SOAR (Sun et al., "SOAR: Improved
 * Indexing for Approximate Nearest Neighbor Search", NeurIPS 2023). For a vector x in leaf c with residual
 * r = x - c, the secondary leaf c' among c's navigation-graph neighbours minimises
 * {@code |x - c'|^2 + lambda * <x - c', r>^2 / |r|^2}: it prefers a leaf whose residual is orthogonal to
 * the first, which is exactly where the first assignment is most likely to miss a query. A vector spills
 * only if it is a boundary vector, {@code |x - c'|^2 <= ratio * |x - c|^2}, and only while the target leaf
 * has taken fewer than {@code capacity} spilled vectors, which bounds every leaf's size.
 */
public final class SoarSpill {
  private static final float LAMBDA = 1f;

  private SoarSpill() {}

  /** Returns, per leaf, the ordinals spilled into it (ascending); empty arrays when nothing spills. */
  public static int[][] spill(VectorSet vectors, ClusterTree tree, NavigationGraph graph, float ratio, int capacity)
      throws IOException {
    int leaves = tree.leafCount();
    int[][] spilled = new int[leaves][];
    int[] counts = new int[leaves];
    if (ratio <= 1f || graph.degree() == 0 || leaves < 2) {
      Arrays.fill(spilled, new int[0]);
      return spilled;
    }
    int dim = vectors.dimension();
    float[][] c = tree.centroids();
    float[] residual = new float[dim];
    int[] target = new int[vectors.size()];
    Arrays.fill(target, -1);
    for (int leaf = 0; leaf < leaves; leaf++) {
      float[] own = c[leaf];
      for (int ord : tree.members()[leaf]) {
        float[] x = vectors.vector(ord);
        float primary = 0;
        for (int d = 0; d < dim; d++) {
          residual[d] = x[d] - own[d];
          primary += residual[d] * residual[d];
        }
        if (primary == 0f) {
          continue; // on the centroid: no boundary to cross
        }
        int best = -1;
        float bestLoss = Float.POSITIVE_INFINITY;
        float bestDist = 0;
        for (int i = 0; i < graph.degree(); i++) {
          int other = graph.neighbor(leaf, i);
          if (other < 0) {
            break;
          }
          float dist = VectorUtil.squareDistance(x, c[other]);
          if (dist > ratio * primary) {
            continue;
          }
          // <x - c', r> = <x, r> - <c', r>
          float proj = VectorUtil.dotProduct(x, residual) - VectorUtil.dotProduct(c[other], residual);
          float loss = dist + LAMBDA * proj * proj / primary;
          if (loss < bestLoss) {
            bestLoss = loss;
            best = other;
            bestDist = dist;
          }
        }
        if (best >= 0 && bestDist <= ratio * primary && counts[best] < capacity) {
          target[ord] = best;
          counts[best]++;
        }
      }
    }
    for (int leaf = 0; leaf < leaves; leaf++) {
      spilled[leaf] = new int[counts[leaf]];
    }
    int[] fill = new int[leaves];
    for (int ord = 0; ord < target.length; ord++) {
      if (target[ord] >= 0) {
        spilled[target[ord]][fill[target[ord]]++] = ord;
      }
    }
    return spilled;
  }
}
