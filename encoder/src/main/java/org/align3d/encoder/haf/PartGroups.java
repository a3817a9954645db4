package org.align3d.encoder.haf;

/**
 * Pools patches into part groups by position: k-means on the patch centres, seeded with the first {@code groups}
 * centres (farthest-point order makes them well spread), so the grouping is deterministic and needs no labels.
 * HAF's part level matches query tokens against these groups; ingest stores one byte per patch.
 */
public final class PartGroups {

    /** Default number of groups: about the number of named parts of everyday objects. */
    public static final int DEFAULT_GROUPS = 8;
    private static final int ITERATIONS = 8;

    private PartGroups() {}

    /** @param centres patch centres, x y z per patch, in farthest-point order */
    public static int[] assign(float[] centres, int groups) {
        int patches = centres.length / 3;
        int k = Math.max(1, Math.min(groups, patches));
        float[] means = new float[3 * k];
        System.arraycopy(centres, 0, means, 0, 3 * k);
        int[] assignment = new int[patches];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (int p = 0; p < patches; p++) {
                int best = 0;
                float bestDistance = Float.MAX_VALUE;
                for (int g = 0; g < k; g++) {
                    float dx = centres[3 * p] - means[3 * g];
                    float dy = centres[3 * p + 1] - means[3 * g + 1];
                    float dz = centres[3 * p + 2] - means[3 * g + 2];
                    float d = dx * dx + dy * dy + dz * dz;
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = g;
                    }
                }
                assignment[p] = best;
            }
            float[] sums = new float[3 * k];
            int[] counts = new int[k];
            for (int p = 0; p < patches; p++) {
                int g = assignment[p];
                counts[g]++;
                for (int d = 0; d < 3; d++) {
                    sums[3 * g + d] += centres[3 * p + d];
                }
            }
            for (int g = 0; g < k; g++) {
                if (counts[g] > 0) { // an emptied group keeps its mean
                    for (int d = 0; d < 3; d++) {
                        means[3 * g + d] = sums[3 * g + d] / counts[g];
                    }
                }
            }
        }
        return assignment;
    }
}
