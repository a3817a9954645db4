package org.align3d.trainer.train;

/**
 * How much each objective counts next to the global contrastive loss (weight 1).
 *
 * @param tokenPatch  HAF token-to-patch contrastive loss (default 1)
 * @param hardNegative HAF token-to-patch contrastive loss within hard-negative groups only (default 1): the fine
 *                    distinctions a global vector blurs are taught to the token level, where HAF reranks
 * @param part        PatchAlign3D part-name contrastive loss (default 0.5)
 * @param consistency PointAlign feature consistency (default 0.1; 0 turns it off)
 */
public record LossWeights(double tokenPatch, double hardNegative, double part, double consistency) {

    public static final LossWeights DEFAULT = new LossWeights(1.0, 1.0, 0.5, 0.1);

    public LossWeights {
        for (double w : new double[] {tokenPatch, hardNegative, part, consistency}) {
            if (!(w >= 0 && w <= 100)) {
                throw new IllegalArgumentException("loss weight [" + w + "] must be in 0..100");
            }
        }
    }
}
