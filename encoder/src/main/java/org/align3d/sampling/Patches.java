package org.align3d.sampling;

/**
 * A cloud grouped into patches: the encoder's input tokens.
 *
 * @param cloud     the normalized cloud the patches index into
 * @param centres   index of each patch's centre point, in farthest-point order
 * @param members   {@code patchSize} point indices per patch, centre first, nearest to farthest
 * @param patchSize points per patch
 */
public record Patches(PointCloud cloud, int[] centres, int[] members, int patchSize) {

    /** Values per patch point in {@link #features()}: position relative to the centre, then the normal. */
    public static final int CHANNELS = 6;

    public int patchCount() {
        return centres.length;
    }

    /** Centre positions, x, y, z per patch. */
    public float[] centrePositions() {
        float[] p = cloud.positions();
        float[] out = new float[3 * centres.length];
        for (int c = 0; c < centres.length; c++) {
            System.arraycopy(p, 3 * centres[c], out, 3 * c, 3);
        }
        return out;
    }

    /**
     * Per patch, per member point: x, y, z relative to the patch centre, then nx, ny, nz; laid out
     * {@code [patch][point][channel]}, the {@code [P, K, 6]} tensor the point-patch encoder takes.
     */
    public float[] features() {
        float[] p = cloud.positions();
        float[] n = cloud.normals();
        float[] out = new float[members.length * CHANNELS];
        for (int c = 0; c < centres.length; c++) {
            int centre = 3 * centres[c];
            for (int k = 0; k < patchSize; k++) {
                int m = 3 * members[c * patchSize + k];
                int at = (c * patchSize + k) * CHANNELS;
                out[at] = p[m] - p[centre];
                out[at + 1] = p[m + 1] - p[centre + 1];
                out[at + 2] = p[m + 2] - p[centre + 2];
                out[at + 3] = n[m];
                out[at + 4] = n[m + 1];
                out[at + 5] = n[m + 2];
            }
        }
        return out;
    }

    /**
     * The part label of each patch: the most frequent label among its members (ties to the smaller label), or
     * {@code null} when the cloud has no labels.
     */
    public int[] patchLabels() {
        int[] labels = cloud.labels();
        if (labels == null) {
            return null;
        }
        int parts = cloud.labelNames().size();
        int[] counts = new int[Math.max(1, parts)];
        int[] out = new int[centres.length];
        for (int c = 0; c < centres.length; c++) {
            java.util.Arrays.fill(counts, 0);
            for (int k = 0; k < patchSize; k++) {
                counts[labels[members[c * patchSize + k]]]++;
            }
            int best = 0;
            for (int l = 1; l < counts.length; l++) {
                if (counts[l] > counts[best]) {
                    best = l;
                }
            }
            out[c] = best;
        }
        return out;
    }
}
