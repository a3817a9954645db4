package org.align3d.trainer.train;

/**
 * Means over a chunk of training steps.
 *
 * @param steps        steps run
 * @param loss         total loss
 * @param global       global contrastive loss
 * @param tokenPatch   token-to-patch contrastive loss
 * @param hardNegative token-to-patch contrastive loss within hard-negative groups
 * @param part         part-name contrastive loss
 * @param consistency  PointAlign consistency loss
 * @param gradientNorm global L2 norm of the gradients before clipping, over the steps whose norm was finite
 * @param skippedSteps steps whose gradient norm was not finite, so their update was skipped
 * @param seconds      wall time
 */
public record ChunkReport(int steps, double loss, double global, double tokenPatch, double hardNegative, double part, double consistency,
                          double gradientNorm, int skippedSteps, double seconds) {
}
