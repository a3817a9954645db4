package org.align3d.trainer.loss;

import ai.djl.ndarray.NDArray;

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
        return oneWay(logits, positives).add(oneWay(logits.transpose(), positives.transpose())).div(2);
    }

    private static NDArray oneWay(NDArray logits, NDArray positives) {
        NDArray all = logits.logSoftmax(1);
        // log of the probability mass on positives: logsumexp over positives of log-probabilities
        NDArray masked = all.add(positives.sub(1).mul(1e4f));
        NDArray max = masked.max(new int[] {1}, true);
        NDArray onPositives = masked.sub(max).exp().sum(new int[] {1}, true).log().add(max);
        return onPositives.neg().mean();
    }
}
