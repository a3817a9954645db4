package org.align3d.trainer.loss;

import ai.djl.ndarray.NDArray;
import org.align3d.encoder.runtime.Scalars;

/**
 * Symmetric InfoNCE where a row may have several positives: {@code -log(sum over positives of softmax(row))}.
 * With one positive per row (the diagonal) this is CLIP's loss; with the attribute-consistency mask it stops
 * punishing the model for ranking another chair with armrests above "a chair with armrests"' own shape.
 */
public final class MultiPositiveInfoNce {

    private MultiPositiveInfoNce() {}

    /**
     * @param logits    {@code [C, S]}: caption-to-shape similarities already scaled by the inverse temperature
     * @param positives {@code [C, S]}: 1 where caption {@code c} describes shape {@code s}, else 0; every row and
     *                  column must hold at least one 1 (each caption describes its own shape)
     * @return the mean of the caption-to-shape and shape-to-caption losses, a scalar
     */
    public static NDArray loss(NDArray logits, NDArray positives) {
        return Scalars.div(oneWay(logits, positives).add(oneWay(logits.transpose(), positives.transpose())), 2);
    }

    /**
     * Caption-to-shape only, among each row's candidates: {@code candidates [C, S]} is 1 where shape {@code s} competes
     * for caption {@code c}; rows whose {@code rowWeights} is 0 do not count. Used for hard-negative groups, where the
     * candidates are the shapes that differ from the caption's shape in one attribute.
     */
    public static NDArray restricted(NDArray logits, NDArray positives, NDArray candidates, NDArray rowWeights) {
        NDArray masked = logits.add(Scalars.mul(candidates.sub(1), 1e4f));
        NDArray perRow = rowLosses(masked, positives.mul(candidates));
        return perRow.mul(rowWeights).sum().div(rowWeights.sum().add(1e-6f));
    }

    private static NDArray oneWay(NDArray logits, NDArray positives) {
        return rowLosses(logits, positives).mean();
    }

    private static NDArray rowLosses(NDArray logits, NDArray positives) {
        NDArray all = logits.logSoftmax(1);
        // log of the probability mass on positives: logsumexp over positives of log-probabilities
        NDArray masked = all.add(Scalars.mul(positives.sub(1), 1e4f));
        NDArray max = masked.max(new int[] {1}, true);
        NDArray onPositives = masked.sub(max).exp().sum(new int[] {1}, true).log().add(max);
        return onPositives.neg().squeeze(1);
    }
}
