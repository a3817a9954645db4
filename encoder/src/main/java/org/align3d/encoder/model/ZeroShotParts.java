package org.align3d.encoder.model;

import org.align3d.sampling.Patches;

/**
 * PatchAlign3D's zero-shot part segmentation in two steps: each patch takes the part name whose vector is nearest
 * its own; each sampled point takes the label of its nearest patch centre. Used by {@code _segment} and by the
 * trainer's mIoU evaluation, so both measure the same thing.
 */
public final class ZeroShotParts {

    private ZeroShotParts() {}

    /** @return per patch, the index of the most similar part-name vector (all vectors L2-normalised) */
    public static int[] patchLabels(float[][] patches, float[][] names) {
        int[] labels = new int[patches.length];
        for (int p = 0; p < patches.length; p++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int n = 0; n < names.length; n++) {
                double v = 0;
                for (int d = 0; d < names[n].length; d++) {
                    v += patches[p][d] * names[n][d];
                }
                if (v > best) {
                    best = v;
                    labels[p] = n;
                }
            }
        }
        return labels;
    }

    /** @return per sampled point of {@code patches}' cloud, the label of the nearest patch centre */
    public static int[] pointLabels(Patches patches, int[] patchLabels) {
        float[] positions = patches.cloud().positions();
        float[] centres = patches.centrePositions();
        int[] out = new int[patches.cloud().size()];
        for (int i = 0; i < out.length; i++) {
            int nearest = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < patchLabels.length; c++) {
                double dx = positions[3 * i] - centres[3 * c];
                double dy = positions[3 * i + 1] - centres[3 * c + 1];
                double dz = positions[3 * i + 2] - centres[3 * c + 2];
                double d = dx * dx + dy * dy + dz * dz;
                if (d < bestDistance) {
                    bestDistance = d;
                    nearest = c;
                }
            }
            out[i] = patchLabels[nearest];
        }
        return out;
    }
}
