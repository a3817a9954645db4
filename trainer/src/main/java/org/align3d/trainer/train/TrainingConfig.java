package org.align3d.trainer.train;

/**
 * Hyperparameters of a training run, with defaults sized for CPU (2 cores, about an hour).
 *
 * @param batchSize    shapes (and captions) per step (default 48)
 * @param learningRate Adam's base learning rate (default 1e-3)
 * @param warmupSteps  linear warm-up (default 200)
 * @param totalSteps   steps of the whole run; the cosine schedule ends there (default 6000)
 * @param temperature  temperature of the token-to-patch contrastive loss (default 0.05); the global loss learns its own
 * @param losses       weights of the auxiliary objectives
 * @param augmentation what changes shapes between epochs
 * @param seed         seeds initialisation, sampling and augmentation
 */
public record TrainingConfig(int batchSize, float learningRate, int warmupSteps, int totalSteps, float temperature,
                             LossWeights losses, Augmentation augmentation, long seed) {

    public static TrainingConfig defaults(long seed) {
        return new TrainingConfig(48, 1e-3f, 200, 6000, 0.05f, LossWeights.DEFAULT, Augmentation.DEFAULT, seed);
    }

    public TrainingConfig {
        if (batchSize < 2 || batchSize > 1024) {
            throw new IllegalArgumentException("batch size [" + batchSize + "] must be in 2..1024");
        }
        if (totalSteps < 1 || totalSteps > 10_000_000) {
            throw new IllegalArgumentException("steps [" + totalSteps + "] must be in 1..10000000");
        }
        if (!(temperature >= 0.005f && temperature <= 10f)) {
            throw new IllegalArgumentException("temperature [" + temperature + "] must be in 0.005..10");
        }
    }

    public TrainingConfig withSteps(int steps) {
        return new TrainingConfig(batchSize, learningRate, warmupSteps, steps, temperature, losses, augmentation, seed);
    }
}
