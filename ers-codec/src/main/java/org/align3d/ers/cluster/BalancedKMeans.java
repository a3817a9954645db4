package org.align3d.ers.cluster;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.util.VectorUtil;

/**
 * Splits a set of vectors into k clusters by Lloyd's k-means under squared Euclidean distance.
 *
 * <p>Iterations run on a sample of at most {@code samplePerCluster * k} vectors (the centroids of large
 * samples barely move with more points), then every vector is assigned once to its nearest centroid and
 * the centroids are recomputed from that full assignment. Balance: clusters that end up smaller than an
 * eighth of the mean size are dissolved into their members' next-nearest clusters, so the hierarchy does
 * not grow long chains of tiny leaves; the hierarchy bounds leaf sizes from above by splitting again.
 *
 * <p>Seeds (for example the centroids an earlier segment converged to) replace k-means++ initialisation
 * for as many clusters as there are seeds; seeded runs converge in fewer iterations.
 */
public final class BalancedKMeans {
  private final int maxIterations;
  private final int seededIterations;
  private final int samplePerCluster;

  public BalancedKMeans(int maxIterations, int seededIterations, int samplePerCluster) {
    this.maxIterations = maxIterations;
    this.seededIterations = seededIterations;
    this.samplePerCluster = samplePerCluster;
  }

  /**
   * @param vectors the vectors
   * @param ords the ordinals of the vectors to split
   * @param k how many clusters to make (fewer come out if there are fewer distinct points)
   * @param seeds initial centroids for the first clusters, or null
   */
  public KMeansResult cluster(VectorSet vectors, int[] ords, int k, float[][] seeds, Random random)
      throws IOException {
    int n = ords.length;
    int dim = vectors.dimension();
    k = Math.max(1, Math.min(k, n));
    float[][] sample = sample(vectors, ords, Math.min(n, Math.max(k, samplePerCluster * k)), random);
    int[] seedOrigin = new int[k];
    float[][] centroids = initialCentroids(sample, k, seeds, seedOrigin, random);
    int iterations = seeds != null && seeds.length >= k ? seededIterations : maxIterations;
    lloyd(sample, centroids, iterations, random);

    // One pass over all vectors: nearest centroid, and sums for the final centroids.
    int[] assignment = new int[n];
    int[] sizes = new int[k];
    double[][] sums = new double[k][dim];
    for (int i = 0; i < n; i++) {
      float[] v = vectors.vector(ords[i]);
      int c = nearest(v, centroids, -1);
      assignment[i] = c;
      sizes[c]++;
      double[] s = sums[c];
      for (int d = 0; d < dim; d++) {
        s[d] += v[d];
      }
    }
    dissolveSmall(vectors, ords, centroids, assignment, sizes, sums, Math.max(1, n / (8 * k)));
    return compact(centroids, assignment, sizes, sums, seedOrigin);
  }

  private static float[][] sample(VectorSet vectors, int[] ords, int count, Random random) throws IOException {
    int n = ords.length;
    float[][] sample = new float[count][];
    if (count == n) {
      for (int i = 0; i < n; i++) {
        sample[i] = vectors.vector(ords[i]).clone();
      }
      return sample;
    }
    // Reservoir sampling over positions keeps the sample uniform without shuffling all ordinals.
    int[] picked = new int[count];
    for (int i = 0; i < n; i++) {
      if (i < count) {
        picked[i] = i;
      } else {
        int j = random.nextInt(i + 1);
        if (j < count) {
          picked[j] = i;
        }
      }
    }
    Arrays.sort(picked); // read in ordinal order: sequential on disk
    for (int i = 0; i < count; i++) {
      sample[i] = vectors.vector(ords[picked[i]]).clone();
    }
    return sample;
  }

  private static float[][] initialCentroids(
      float[][] sample, int k, float[][] seeds, int[] seedOrigin, Random random) {
    float[][] centroids = new float[k][];
    int seeded = seeds == null ? 0 : Math.min(k, seeds.length);
    for (int c = 0; c < seeded; c++) {
      centroids[c] = seeds[c].clone();
      seedOrigin[c] = c;
    }
    Arrays.fill(seedOrigin, seeded, k, -1);
    // k-means++ for the rest: each new centroid is a sample point drawn with probability proportional to
    // its squared distance to the nearest centroid chosen so far.
    float[] minDist = new float[sample.length];
    Arrays.fill(minDist, Float.MAX_VALUE);
    int first = seeded;
    if (seeded == 0) {
      centroids[0] = sample[random.nextInt(sample.length)].clone();
      first = 1;
    }
    for (int c = 0; c < first; c++) {
      updateMinDist(sample, centroids[c], minDist);
    }
    for (int c = first; c < k; c++) {
      double total = 0;
      for (float d : minDist) {
        total += d;
      }
      int chosen = sample.length - 1;
      if (total > 0) {
        double r = random.nextDouble() * total;
        for (int i = 0; i < sample.length; i++) {
          r -= minDist[i];
          if (r <= 0) {
            chosen = i;
            break;
          }
        }
      } else {
        chosen = random.nextInt(sample.length);
      }
      centroids[c] = sample[chosen].clone();
      updateMinDist(sample, centroids[c], minDist);
    }
    return centroids;
  }

  private static void updateMinDist(float[][] sample, float[] centroid, float[] minDist) {
    for (int i = 0; i < sample.length; i++) {
      minDist[i] = Math.min(minDist[i], VectorUtil.squareDistance(sample[i], centroid));
    }
  }

  private static void lloyd(float[][] sample, float[][] centroids, int iterations, Random random) {
    int k = centroids.length;
    int dim = centroids[0].length;
    int[] assignment = new int[sample.length];
    Arrays.fill(assignment, -1);
    for (int it = 0; it < iterations; it++) {
      int changed = 0;
      for (int i = 0; i < sample.length; i++) {
        int c = nearest(sample[i], centroids, -1);
        if (c != assignment[i]) {
          changed++;
          assignment[i] = c;
        }
      }
      double[][] sums = new double[k][dim];
      int[] sizes = new int[k];
      for (int i = 0; i < sample.length; i++) {
        sizes[assignment[i]]++;
        double[] s = sums[assignment[i]];
        float[] v = sample[i];
        for (int d = 0; d < dim; d++) {
          s[d] += v[d];
        }
      }
      for (int c = 0; c < k; c++) {
        if (sizes[c] == 0) {
          // An empty cluster restarts on a random sample point instead of staying dead.
          centroids[c] = sample[random.nextInt(sample.length)].clone();
        } else {
          for (int d = 0; d < dim; d++) {
            centroids[c][d] = (float) (sums[c][d] / sizes[c]);
          }
        }
      }
      if (changed <= sample.length / 1000) {
        break;
      }
    }
  }

  /** The index of the centroid nearest to {@code v}, skipping {@code excluded} and null centroids. */
  static int nearest(float[] v, float[][] centroids, int excluded) {
    int best = -1;
    float bestDist = Float.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      if (c == excluded || centroids[c] == null) {
        continue;
      }
      float d = VectorUtil.squareDistance(v, centroids[c]);
      if (d < bestDist || best < 0) {
        bestDist = d;
        best = c;
      }
    }
    return best;
  }

  private static void dissolveSmall(
      VectorSet vectors, int[] ords, float[][] centroids, int[] assignment, int[] sizes, double[][] sums, int minSize)
      throws IOException {
    int k = centroids.length;
    int live = 0;
    for (int size : sizes) {
      live += size > 0 ? 1 : 0;
    }
    boolean[] dissolved = new boolean[k];
    for (int c = 0; c < k; c++) {
      if (sizes[c] == 0 || (sizes[c] < minSize && live > 1)) {
        dissolved[c] = true;
        live -= sizes[c] > 0 ? 1 : 0;
      }
    }
    float[][] kept = new float[k][];
    for (int c = 0; c < k; c++) {
      kept[c] = dissolved[c] ? null : centroids[c];
    }
    int dim = vectors.dimension();
    for (int i = 0; i < ords.length; i++) {
      int from = assignment[i];
      if (!dissolved[from]) {
        continue;
      }
      float[] v = vectors.vector(ords[i]);
      int to = nearest(v, kept, -1);
      assignment[i] = to;
      sizes[from]--;
      sizes[to]++;
      for (int d = 0; d < dim; d++) {
        sums[from][d] -= v[d];
        sums[to][d] += v[d];
      }
    }
  }

  private static KMeansResult compact(
      float[][] centroids, int[] assignment, int[] sizes, double[][] sums, int[] seedOrigin) {
    int k = centroids.length;
    int dim = centroids[0].length;
    int[] newId = new int[k];
    int count = 0;
    for (int c = 0; c < k; c++) {
      newId[c] = sizes[c] > 0 ? count++ : -1;
    }
    float[][] out = new float[count][dim];
    int[] origin = new int[count];
    for (int c = 0; c < k; c++) {
      if (newId[c] >= 0) {
        for (int d = 0; d < dim; d++) {
          out[newId[c]][d] = (float) (sums[c][d] / sizes[c]);
        }
        origin[newId[c]] = seedOrigin[c];
      }
    }
    for (int i = 0; i < assignment.length; i++) {
      assignment[i] = newId[assignment[i]];
    }
    return new KMeansResult(out, assignment, origin);
  }
}
