package org.align3d.trainer.loss;

import ai.djl.ndarray.NDArray;
import org.align3d.encoder.runtime.Scalars;

/**
 * HAF's token-to-patch level on tensors, for every caption against every shape of a batch. The formula is the one
 * {@link org.align3d.encoder.haf.HafScorer} computes at query time (a test checks they agree): token {@code t}
 * attends over patches with {@code softmax(s_tp / tau)}, its similarity is the attention-weighted mean of
 * {@code s_tp}, and the caption's score is the token-weight-weighted mean over its tokens.
 */
public final class TokenPatchScores {

    private TokenPatchScores() {}

    /**
     * @param tokens      {@code [C, T, D]} token vectors, L2-normalised
     * @param weights     {@code [C, T]} token weights, zero on padding
     * @param patches     {@code [S, P, D]} patch vectors, L2-normalised
     * @param temperature attention temperature {@code tau}
     * @return {@code [C, S]} scores in [-1, 1]
     */
    public static NDArray scores(NDArray tokens, NDArray weights, NDArray patches, float temperature) {
        long c = tokens.getShape().get(0);
        long t = tokens.getShape().get(1);
        long d = tokens.getShape().get(2);
        long s = patches.getShape().get(0);
        long p = patches.getShape().get(1);
        NDArray sims = tokens.reshape(c * t, d).matMul(patches.reshape(s * p, d).transpose()).reshape(c, t, s, p);
        NDArray attention = Scalars.div(sims, temperature).softmax(3);
        NDArray tokenSims = attention.mul(sims).sum(new int[] {3}); // [C, T, S]
        NDArray w = weights.expandDims(2); // [C, T, 1]
        return tokenSims.mul(w).sum(new int[] {1}).div(weights.sum(new int[] {1}, true).add(1e-6f));
    }
}
