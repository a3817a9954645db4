package org.align3d.ers.cluster;

/**
 * The outcome of one k-means split.
 *
 * @param centroids one centroid per cluster
 * @param assignment for each input position, the cluster it belongs to
 * @param seedOrigin for each cluster, the index of the seed it grew from, or -1 if it was not seeded
 */
public record KMeansResult(float[][] centroids, int[] assignment, int[] seedOrigin) {
  public int clusterCount() {
    return centroids.length;
  }
}
