package org.align3d.trainer.parts;

/**
 * How the part head is trained; {@link #DEFAULT} is what {@code ./align3d train} and {@code train-parts} use
 * unless told otherwise.
 *
 * @param steps         optimiser steps (0: no part head)
 * @param width         hidden units of the head's two layers
 * @param shapesPerStep shapes drawn per step
 * @param pointsPerShape labelled points drawn from each of them
 * @param learningRate  Adam's base rate, cosine-decayed to 1% over the steps
 * @param seed          seeds initialisation, draws and rotations
 */
public record PartHeadSettings(int steps, int width, int shapesPerStep, int pointsPerShape, float learningRate, long seed) {

    /** PatchAlign3D's temperature, as for patch vectors. */
    public static final float TEMPERATURE = 0.07f;

    public static final PartHeadSettings DEFAULT = new PartHeadSettings(2000, 128, 32, 256, 1e-3f, 7);

    public PartHeadSettings {
        if (steps < 0 || width < 1 || shapesPerStep < 1 || pointsPerShape < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("part head settings out of range: " + steps + " steps, width " + width + ", "
                + shapesPerStep + " shapes of " + pointsPerShape + " points per step, learning rate " + learningRate);
        }
    }

    public PartHeadSettings withSteps(int value) {
        return new PartHeadSettings(value, width, shapesPerStep, pointsPerShape, learningRate, seed);
    }

    public PartHeadSettings withSeed(long value) {
        return new PartHeadSettings(steps, width, shapesPerStep, pointsPerShape, learningRate, value);
    }
}
