package org.align3d.encoder.parts;

import java.util.Arrays;
import org.align3d.sampling.Patches;

/**
 * PatchAlign3D's zero-shot part segmentation: patch vectors are compared with part-name vectors, and each sampled
 * point takes the part whose similarity, interpolated from its {@link #NEIGHBOURS} nearest patch centres with
 * sharply decaying weights {@code 1 / d^4} (PointNet++'s feature propagation, with a higher power), is highest:
 * a point between two patches takes the more confident one's part unless it lies clearly nearer the other. Used by
 * {@code _segment} and by the trainer's mIoU evaluation, so both measure the same thing.
 */
public final class ZeroShotParts {

    /**
     * Patch centres a point's similarities are interpolated from; 1 gives the nearest patch's label. Chosen on the
     * validation split of the default model (mIoU: 1 neighbour 0.592; weights 1/d: 3 -> 0.577, 5 -> 0.543; 1/d^2:
     * 2 -> 0.601, 3 -> 0.594; 1/d^4: 2 -> 0.603).
     */
    public static final int NEIGHBOURS = 2;

    private ZeroShotParts() {}

    /** @return per patch and part name, the cosine of their (L2-normalised) vectors */
    public static float[][] similarities(float[][] patches, float[][] names) {
        float[][] out = new float[patches.length][names.length];
        for (int p = 0; p < patches.length; p++) {
            for (int n = 0; n < names.length; n++) {
                double v = 0;
                for (int d = 0; d < names[n].length; d++) {
                    v += patches[p][d] * names[n][d];
                }
                out[p][n] = (float) v;
            }
        }
        return out;
    }

    /** @return per sampled point of {@code patches}' cloud, the index of its part name */
    public static int[] pointLabels(Patches patches, float[][] patchVectors, float[][] names) {
        return pointLabels(patches, similarities(patchVectors, names), NEIGHBOURS);
    }

    /**
     * @param similarity per patch, its similarity to each part name
     * @param neighbours how many nearest patch centres each point interpolates from
     */
    public static int[] pointLabels(Patches patches, float[][] similarity, int neighbours) {
        float[] positions = patches.cloud().positions();
        float[] centres = patches.centrePositions();
        int patchCount = similarity.length;
        int names = patchCount == 0 ? 0 : similarity[0].length;
        int k = Math.max(1, Math.min(neighbours, patchCount));
        int[] nearest = new int[k];
        double[] distance = new double[k];
        double[] score = new double[names];
        int[] out = new int[patches.cloud().size()];
        for (int i = 0; i < out.length; i++) {
            NearestCentres.find(centres, positions[3 * i], positions[3 * i + 1], positions[3 * i + 2], nearest, distance);
            Arrays.fill(score, 0);
            for (int j = 0; j < k; j++) {
                double w = 1 / (distance[j] * distance[j] + 1e-12); // distance holds d^2
                for (int n = 0; n < names; n++) {
                    score[n] += w * similarity[nearest[j]][n];
                }
            }
            int best = 0;
            for (int n = 1; n < names; n++) {
                if (score[n] > score[best]) {
                    best = n;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
