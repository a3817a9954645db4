package org.align3d.ers.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.util.VectorUtil;

/**
 * Builds a {@link ClusterTree} top-down: a set of more than {@code leafSize} vectors is split by {@link
 * BalancedKMeans} into at most {@code branching} clusters, each of which is split again until every leaf
 * holds at most {@code leafSize} vectors. The fan-out of each split is chosen so the tree is about as
 * shallow as the branching allows and its leaves are about three quarters full (k-means clusters are
 * uneven; fuller targets would make many leaves overflow and split once more into tiny ones).
 */
public final class HierarchicalKMeans {
  private static final double TARGET_FILL = 0.75;
  private final int leafSize;
  private final int branching;
  private final BalancedKMeans kMeans;
  private final long seed;

  public HierarchicalKMeans(int leafSize, int branching, long seed) {
    this.leafSize = leafSize;
    this.branching = branching;
    this.kMeans = new BalancedKMeans(10, 3, 128);
    this.seed = seed;
  }

  /**
   * @param vectors what to cluster
   * @param seeds centroids of an earlier tree over similar data, or null to start from k-means++
   */
  public ClusterTree build(VectorSet vectors, SeedTree seeds) throws IOException {
    int n = vectors.size();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    Builder builder = new Builder(vectors, new Random(seed));
    int top = n <= leafSize ? builder.leaf(all) : builder.split(all, seeds, 0);
    if (top >= 0) {
      // The root is always an inner node, so a one-leaf tree still has a root to descend from.
      top = builder.inner(new int[] {top}, all.length);
    }
    return builder.finish();
  }

  private final class Builder {
    final VectorSet vectors;
    final Random random;
    final List<float[]> leafCentroids = new ArrayList<>();
    final List<int[]> leafMembers = new ArrayList<>();
    final List<float[]> innerCentroids = new ArrayList<>();
    final List<int[]> innerChildren = new ArrayList<>(); // leaves >= 0, inner nodes as -(index + 1)

    Builder(VectorSet vectors, Random random) {
      this.vectors = vectors;
      this.random = random;
    }

    /** Splits {@code ords} and returns the (temporary) number of the inner node made for them. */
    int split(int[] ords, SeedTree seeds, int depth) throws IOException {
      int n = ords.length;
      int k = fanOut(n);
      KMeansResult result = kMeans.cluster(vectors, ords, k, seeds == null ? null : seeds.centroids(), random);
      int[][] groups;
      int[] origin;
      if (result.clusterCount() > 1 && depth < 64) {
        groups = group(ords, result);
        origin = result.seedOrigin();
      } else {
        // k-means found a single cluster (identical vectors): cut the ordinals into equal chunks.
        int chunks = (int) Math.min(branching, (n + leafSize - 1) / leafSize);
        groups = new int[chunks][];
        origin = new int[chunks];
        Arrays.fill(origin, -1);
        for (int c = 0; c < chunks; c++) {
          groups[c] = Arrays.copyOfRange(ords, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
        }
      }
      int[] kids = new int[groups.length];
      for (int c = 0; c < groups.length; c++) {
        kids[c] =
            groups[c].length <= leafSize
                ? leaf(groups[c])
                : split(groups[c], seeds == null ? null : seeds.child(origin[c]), depth + 1);
      }
      return inner(kids, n);
    }

    int fanOut(int n) {
      long leavesNeeded = (long) Math.ceil(n / (leafSize * TARGET_FILL));
      int levels = (int) Math.ceil(Math.log(leavesNeeded) / Math.log(branching) - 1e-9);
      levels = Math.max(1, levels);
      int k = (int) Math.ceil(Math.pow(leavesNeeded, 1.0 / levels) - 1e-9);
      return Math.max(2, Math.min(branching, k));
    }

    int[][] group(int[] ords, KMeansResult result) {
      int[] sizes = new int[result.clusterCount()];
      for (int a : result.assignment()) {
        sizes[a]++;
      }
      int[][] groups = new int[sizes.length][];
      for (int c = 0; c < sizes.length; c++) {
        groups[c] = new int[sizes[c]];
      }
      int[] fill = new int[sizes.length];
      for (int i = 0; i < ords.length; i++) {
        int c = result.assignment()[i];
        groups[c][fill[c]++] = ords[i];
      }
      return groups;
    }

    int leaf(int[] ords) throws IOException {
      float[] centroid = new float[vectors.dimension()];
      double[] sum = new double[centroid.length];
      for (int ord : ords) {
        float[] v = vectors.vector(ord);
        for (int d = 0; d < sum.length; d++) {
          sum[d] += v[d];
        }
      }
      for (int d = 0; d < sum.length; d++) {
        centroid[d] = (float) (sum[d] / Math.max(1, ords.length));
      }
      leafCentroids.add(centroid);
      leafMembers.add(ords);
      return leafMembers.size() - 1;
    }

    int inner(int[] kids, int weight) {
      innerChildren.add(kids);
      innerCentroids.add(null); // computed in finish(), from the children, weighted by their sizes
      return -innerChildren.size();
    }

    ClusterTree finish() {
      int leaves = leafMembers.size();
      int inners = innerChildren.size();
      float[][] centroids = new float[leaves + inners][];
      long[] weights = new long[leaves + inners];
      for (int l = 0; l < leaves; l++) {
        centroids[l] = leafCentroids.get(l);
        weights[l] = leafMembers.get(l).length;
      }
      int[][] children = new int[inners][];
      float[] spread = new float[inners];
      int dim = vectors.dimension();
      for (int i = 0; i < inners; i++) { // post-order: children are final before their parent
        int[] kids = innerChildren.get(i).clone();
        double[] sum = new double[dim];
        long weight = 0;
        for (int c = 0; c < kids.length; c++) {
          int id = kids[c] >= 0 ? kids[c] : leaves + (-kids[c] - 1);
          kids[c] = id;
          weight += weights[id];
          for (int d = 0; d < dim; d++) {
            sum[d] += (double) centroids[id][d] * weights[id];
          }
        }
        float[] centroid = new float[dim];
        for (int d = 0; d < dim; d++) {
          centroid[d] = (float) (sum[d] / Math.max(1, weight));
        }
        double s = 0;
        for (int id : kids) {
          s += VectorUtil.squareDistance(centroids[id], centroid);
        }
        children[i] = kids;
        spread[i] = (float) (s / kids.length);
        centroids[leaves + i] = centroid;
        weights[leaves + i] = weight;
      }
      return new ClusterTree(centroids, children, spread, leafMembers.toArray(new int[0][]));
    }
  }
}
