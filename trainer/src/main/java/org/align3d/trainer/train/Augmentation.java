package org.align3d.trainer.train;

import java.util.SplittableRandom;

/**
 * Training-time changes to a shape that do not change what it is: a rotation about the up axis (+Y: a chair
 * seen from another side is the same chair, while "tall" must stay tall, so no other axis), a small isotropic
 * scale, jitter of point positions within their patch, and the normal damage real meshes carry.
 *
 * <p>Normals are sampled from face winding, and generated shapes have exact, outward ones, while third-party
 * meshes do not: their faces are bevelled and tessellated at random, some are modelled with the winding reversed
 * (every normal inward), and double-sided ones hold each surface twice with opposite windings (a sampled point
 * faces either way). An encoder trained on exact normals alone leans on them: noise of 0.3 on the normals of
 * generated test shapes took the default model's category top-1 from 0.94 to 0.59. So each shape's normals get
 * Gaussian noise of a standard deviation drawn uniformly up to {@code normalNoise}, and with probability
 * {@code normalFlip} the shape is damaged as above, half of the time inverted and half of the time double-sided.
 *
 * @param rotate      whether to rotate about +Y by a uniform angle
 * @param scale       maximum relative isotropic scale change (e.g. 0.1 for 0.9..1.1)
 * @param jitter      standard deviation of Gaussian noise added to patch-relative positions (unit-sphere units)
 * @param normalNoise largest standard deviation of the Gaussian noise added to each normal before renormalising
 * @param normalFlip  probability that a shape's normals are all inverted or, as often, each flipped at random
 */
public record Augmentation(boolean rotate, double scale, double jitter, double normalNoise, double normalFlip) {

    public static final Augmentation NONE = new Augmentation(false, 0, 0, 0, 0);
    public static final Augmentation DEFAULT = new Augmentation(true, 0.1, 0.004, 0.25, 0.15);

    public Augmentation {
        if (normalFlip < 0 || normalFlip > 1) {
            throw new IllegalArgumentException("normal flip probability must be in [0, 1], got " + normalFlip);
        }
    }

    /** Applies in place to {@code features [P*K*6]} (relative xyz, normal) and {@code centres [P*3]}. */
    public void apply(float[] features, float[] centres, SplittableRandom random) {
        if (this.equals(NONE)) {
            return;
        }
        double angle = rotate ? random.nextDouble(2 * Math.PI) : 0;
        float cos = (float) Math.cos(angle);
        float sin = (float) Math.sin(angle);
        float s = (float) (1 + (scale == 0 ? 0 : random.nextDouble(-scale, scale)));
        double sigma = normalNoise == 0 ? 0 : random.nextDouble(normalNoise);
        NormalDamage damage = NormalDamage.draw(normalFlip, random);
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
            if (sigma > 0) {
                perturbNormal(features, i + 3, sigma, random);
            }
            if (damage.flips(random)) {
                features[i + 3] = -features[i + 3];
                features[i + 4] = -features[i + 4];
                features[i + 5] = -features[i + 5];
            }
        }
    }

    /** What happens to one shape's normal signs: nothing, all inverted, or each flipped by a coin (double-sided). */
    private enum NormalDamage {
        NONE, INVERTED, DOUBLE_SIDED;

        static NormalDamage draw(double probability, SplittableRandom random) {
            if (probability == 0 || random.nextDouble() >= probability) {
                return NONE;
            }
            return random.nextBoolean() ? INVERTED : DOUBLE_SIDED;
        }

        boolean flips(SplittableRandom random) {
            return this == INVERTED || this == DOUBLE_SIDED && random.nextBoolean();
        }
    }

    /** Adds Gaussian noise to the unit normal at {@code at} and renormalises it; a zero normal stays zero. */
    private static void perturbNormal(float[] v, int at, double sigma, SplittableRandom random) {
        double x = v[at];
        double y = v[at + 1];
        double z = v[at + 2];
        if (x == 0 && y == 0 && z == 0) {
            return;
        }
        x += gaussian(random) * sigma;
        y += gaussian(random) * sigma;
        z += gaussian(random) * sigma;
        double length = Math.sqrt(x * x + y * y + z * z);
        if (length < 1e-6) {
            return;
        }
        v[at] = (float) (x / length);
        v[at + 1] = (float) (y / length);
        v[at + 2] = (float) (z / length);
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
