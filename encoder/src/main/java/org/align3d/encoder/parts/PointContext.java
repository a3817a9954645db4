package org.align3d.encoder.parts;

import java.util.Arrays;
import org.align3d.sampling.Patches;

/**
 * What the {@link PartHead} reads for each sampled point: for each of its {@link #NEIGHBOURS} nearest patch
 * centres, that patch's vector, the point's offset from the centre and their distance; then the point's normal and
 * position in the unit sphere. Offsets and distances are in units of {@link #OFFSET_UNIT} (about a patch radius at
 * 2048 points and 32-point patches), so the network sees values near 1.
 *
 * <p>Also gives the point's {@linkplain #interpolated interpolated patch vector} ({@code 1 / d^2} weights over the
 * same neighbours), the part-space vector the head starts from and corrects.
 *
 * @param features     {@code [points, channels(tokenDim)]} row-major
 * @param interpolated {@code [points, tokenDim]} row-major
 */
public record PointContext(float[] features, float[] interpolated, int points) {

    /** Patch centres each point reads from. */
    public static final int NEIGHBOURS = 3;
    /** The length that offsets and distances are divided by. */
    public static final float OFFSET_UNIT = 0.125f;

    /** Input channels per point for patch vectors of {@code tokenDim}. */
    public static int channels(int tokenDim) {
        return NEIGHBOURS * (tokenDim + 4) + 6;
    }

    /** The context of every point of {@code patches}' cloud. */
    public static PointContext of(Patches patches, float[][] patchVectors) {
        int[] all = new int[patches.cloud().size()];
        Arrays.setAll(all, i -> i);
        return of(patches, patchVectors, all);
    }

    /**
     * The context of the cloud points {@code points} of {@code patches}, whose patch vectors (one per patch, same
     * order, L2-normalised) are {@code patchVectors}.
     */
    public static PointContext of(Patches patches, float[][] patchVectors, int[] points) {
        if (patchVectors.length != patches.patchCount()) {
            throw new IllegalArgumentException(patchVectors.length + " patch vectors for " + patches.patchCount() + " patches");
        }
        int dim = patchVectors[0].length;
        int channels = channels(dim);
        int k = Math.min(NEIGHBOURS, patchVectors.length);
        float[] positions = patches.cloud().positions();
        float[] normals = patches.cloud().normals();
        float[] centres = patches.centrePositions();
        float[] features = new float[points.length * channels];
        float[] interpolated = new float[points.length * dim];
        int[] nearest = new int[k];
        double[] distance = new double[k];
        for (int n = 0; n < points.length; n++) {
            int i = points[n];
            float x = positions[3 * i], y = positions[3 * i + 1], z = positions[3 * i + 2];
            NearestCentres.find(centres, x, y, z, nearest, distance);
            int f = n * channels;
            double weightSum = 0;
            for (int j = 0; j < k; j++) {
                weightSum += 1 / (distance[j] + 1e-8);
            }
            for (int j = 0; j < NEIGHBOURS; j++) {
                int c = nearest[Math.min(j, k - 1)];
                System.arraycopy(patchVectors[c], 0, features, f, dim);
                f += dim;
                features[f++] = (x - centres[3 * c]) / OFFSET_UNIT;
                features[f++] = (y - centres[3 * c + 1]) / OFFSET_UNIT;
                features[f++] = (z - centres[3 * c + 2]) / OFFSET_UNIT;
                features[f++] = (float) (Math.sqrt(distance[Math.min(j, k - 1)]) / OFFSET_UNIT);
                if (j < k) {
                    float w = (float) (1 / (distance[j] + 1e-8) / weightSum);
                    for (int d = 0; d < dim; d++) {
                        interpolated[n * dim + d] += w * patchVectors[c][d];
                    }
                }
            }
            if (normals != null) {
                features[f] = normals[3 * i];
                features[f + 1] = normals[3 * i + 1];
                features[f + 2] = normals[3 * i + 2];
            }
            features[f + 3] = x;
            features[f + 4] = y;
            features[f + 5] = z;
        }
        return new PointContext(features, interpolated, points.length);
    }
}
