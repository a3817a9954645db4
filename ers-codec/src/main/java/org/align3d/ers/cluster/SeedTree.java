package org.align3d.ers.cluster;

/**
 * Centroids to start k-means from, per level of the hierarchy: {@code centroids} seed a split and
 * {@code children[i]} (null when absent) seeds the split of the cluster that grew from {@code centroids[i]}.
 * Merges take it from the largest input segment, whose clusters describe the same data distribution.
 */
public record SeedTree(float[][] centroids, SeedTree[] children) {
  public SeedTree child(int i) {
    return children != null && i >= 0 && i < children.length ? children[i] : null;
  }
}
