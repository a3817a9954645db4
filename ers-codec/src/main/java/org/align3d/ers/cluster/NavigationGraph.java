package org.align3d.ers.cluster;

import java.util.Arrays;
import org.apache.lucene.util.VectorUtil;

/**
 * Links each leaf to the {@code degree} leaves whose centroids are nearest to its own, so a search that
 * reached a leaf can cross into the neighbouring leaves even when the hierarchy put them under another
 * parent. Stored as a flat array: the neighbours of leaf {@code l} are {@code neighbors[l*degree ..
 * (l+1)*degree)}, nearest first, padded with -1 when there are fewer leaves than the degree.
 */
public record NavigationGraph(int degree, int[] neighbors) {

  public static NavigationGraph build(ClusterTree tree, int degree) {
    int leaves = tree.leafCount();
    int width = Math.min(degree, Math.max(0, leaves - 1));
    int[] neighbors = new int[leaves * degree];
    Arrays.fill(neighbors, -1);
    if (width == 0) {
      return new NavigationGraph(degree, neighbors);
    }
    // Exact: leaves * leaves centroid distances. At 1M vectors and 256 per leaf that is about 16M
    // distances, seconds; it grows quadratically, which is fine up to a few hundred thousand leaves.
    float[][] c = tree.centroids();
    int[] bestIds = new int[width];
    float[] bestDist = new float[width];
    for (int l = 0; l < leaves; l++) {
      int found = 0;
      for (int o = 0; o < leaves; o++) {
        if (o == l) {
          continue;
        }
        float d = VectorUtil.squareDistance(c[l], c[o]);
        if (found < width) {
          insert(bestIds, bestDist, found++, o, d);
        } else if (d < bestDist[width - 1]) {
          insert(bestIds, bestDist, width - 1, o, d);
        }
      }
      System.arraycopy(bestIds, 0, neighbors, l * degree, found);
    }
    return new NavigationGraph(degree, neighbors);
  }

  /** Insertion into a small sorted list; {@code slot} is the position being overwritten. */
  private static void insert(int[] ids, float[] dists, int slot, int id, float dist) {
    int i = slot;
    while (i > 0 && dists[i - 1] > dist) {
      ids[i] = ids[i - 1];
      dists[i] = dists[i - 1];
      i--;
    }
    ids[i] = id;
    dists[i] = dist;
  }

  public int neighbor(int leaf, int i) {
    return neighbors[leaf * degree + i];
  }
}
