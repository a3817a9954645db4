package org.align3d.sampling;

/**
 * How a shape becomes encoder input, validated once. Defaults follow PatchAlign3D's public code: 2048 points,
 * 128 patches of 32 points.
 *
 * @param points    points sampled over the surface
 * @param patches   patch centres chosen by farthest point sampling
 * @param patchSize nearest points grouped around each centre
 */
public record SamplingConfig(int points, int patches, int patchSize) {

    public static final SamplingConfig DEFAULTS = new SamplingConfig(2048, 128, 32);

    public SamplingConfig {
        if (points < 1 || points > 1 << 20) {
            throw new IllegalArgumentException("points must be in 1.." + (1 << 20) + ", got " + points);
        }
        if (patches < 1 || patches > points) {
            throw new IllegalArgumentException("patches must be in 1..points (" + points + "), got " + patches);
        }
        if (patchSize < 1 || patchSize > points) {
            throw new IllegalArgumentException("patch size must be in 1..points (" + points + "), got " + patchSize);
        }
    }
}
