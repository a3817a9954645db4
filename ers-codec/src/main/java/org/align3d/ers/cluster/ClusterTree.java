package org.align3d.ers.cluster;

/**
 * A hierarchy of clusters, numbered for storage: leaves are nodes {@code 0 .. leafCount-1} in depth-first
 * order (so sibling leaves sit side by side on disk), inner nodes follow in post-order, and the root is
 * the last node. Children of a node always have smaller numbers than the node itself.
 *
 * @param centroids the centroid of every node
 * @param children for each inner node {@code leafCount + i}, its child node numbers
 * @param spread for each inner node, the mean squared distance of its children's centroids to its own:
 *     search uses it to judge how much better than its centroid the best leaf below a node can be
 * @param members for each leaf, the ordinals of the vectors assigned to it (ascending)
 */
public record ClusterTree(float[][] centroids, int[][] children, float[] spread, int[][] members) {
  public int leafCount() {
    return members.length;
  }

  public int innerCount() {
    return children.length;
  }

  public int nodeCount() {
    return centroids.length;
  }

  public int root() {
    return centroids.length - 1;
  }
}
