package org.align3d.trainer.loss;

import ai.djl.ndarray.NDArray;

/**
 * PointAlign's feature-level consistency: the transformer's output tokens, through a light projector, should stay
 * aligned (cosine) with the tokens that entered it, so geometric detail is not washed out by the alignment
 * objectives. The reference side is detached: only the projector and the encoder above the reference learn from it.
 */
public final class ConsistencyLoss {

    private ConsistencyLoss() {}

    /** @return {@code 1 - mean cosine} between {@code projected [B, P, W]} and {@code reference [B, P, W]} */
    public static NDArray loss(NDArray projected, NDArray reference) {
        NDArray a = normalize(projected);
        NDArray b = normalize(reference.stopGradient());
        return a.mul(b).sum(new int[] {2}).mean().neg().add(1);
    }

    static NDArray normalize(NDArray x) {
        return x.div(x.norm(new int[] {-1}, true).add(1e-6f));
    }
}
