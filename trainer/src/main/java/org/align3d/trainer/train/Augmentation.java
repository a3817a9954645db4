package org.align3d.trainer.train;

import java.util.SplittableRandom;

/**
 * Training-time changes to a shape that do not change what it is: a rotation about the up axis (+Y: a chair
 * seen from another side is the same chair, while "tall" must stay tall, so no other axis), a small isotropic
 * scale, and jitter of point positions within their patch.
 *
 * @param rotate whether to rotate about +Y by a uniform angle
 * @param scale  maximum relative isotropic scale change (e.g. 0.1 for 0.9..1.1)
 * @param jitter standard deviation of Gaussian noise added to patch-relative positions (unit-sphere units)
 */
public record Augmentation(boolean rotate, double scale, double jitter) {

    public static final Augmentation NONE = new Augmentation(false, 0, 0);
    public static final Augmentation DEFAULT = new Augmentation(true, 0.1, 0.004);

    /** Applies in place to {@code features [P*K*6]} (relative xyz, normal) and {@code centres [P*3]}. */
    public void apply(float[] features, float[] centres, SplittableRandom random) {
        if (!rotate && scale == 0 && jitter == 0) {
            return;
        }
        double angle = rotate ? random.nextDouble(2 * Math.PI) : 0;
        float cos = (float) Math.cos(angle);
        float sin = (float) Math.sin(angle);
        float s = (float) (1 + (scale == 0 ? 0 : random.nextDouble(-scale, scale)));
        for (int i = 0; i < centres.length; i += 3) {
            rotate(centres, i, cos, sin, s);
        }
        for (int i = 0; i < features.length; i += 6) {
            rotate(features, i, cos, sin, s);
            rotate(features, i + 3, cos, sin, 1);
            if (jitter > 0) {
                features[i] += (float) (gaussian(random) * jitter);
                features[i + 1] += (float) (gaussian(random) * jitter);
                features[i + 2] += (float) (gaussian(random) * jitter);
            }
        }
    }

    private static void rotate(float[] v, int at, float cos, float sin, float s) {
        float x = v[at];
        float z = v[at + 2];
        v[at] = (cos * x + sin * z) * s;
        v[at + 1] = v[at + 1] * s;
        v[at + 2] = (-sin * x + cos * z) * s;
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
