package org.align3d.trainer.train;

import ai.djl.training.tracker.Tracker;

/**
 * Linear warm-up, then cosine decay to a tenth of the base rate at the last step, times a multiplier that
 * Uni4D-style calibration moves up or down between chunks of steps. It follows the trainer's own step counter
 * (not the optimizer's update count), so a resumed run continues the same curve.
 */
public final class LearningRateSchedule implements Tracker {

    private final float base;
    private final int warmup;
    private final int total;
    private volatile int step;
    private volatile float multiplier = 1;

    public LearningRateSchedule(float base, int warmup, int total) {
        if (!(base > 0 && base < 1)) {
            throw new IllegalArgumentException("learning rate [" + base + "] must be in (0, 1)");
        }
        this.base = base;
        this.warmup = Math.max(0, warmup);
        this.total = Math.max(1, total);
    }

    void step(int step) {
        this.step = step;
    }

    public float multiplier() {
        return multiplier;
    }

    public void multiplier(float multiplier) {
        if (!(multiplier > 0 && multiplier <= 100)) {
            throw new IllegalArgumentException("learning-rate multiplier [" + multiplier + "] must be in (0, 100]");
        }
        this.multiplier = multiplier;
    }

    public float at(int s) {
        float value;
        if (s < warmup) {
            value = base * (s + 1) / warmup;
        } else {
            double progress = Math.min(1.0, (s - warmup) / (double) Math.max(1, total - warmup));
            value = (float) (base * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress))));
        }
        return value * multiplier;
    }

    public float current() {
        return at(step);
    }

    @Override
    public float getNewValue(int numUpdate) {
        return current();
    }
}
