package org.align3d.trainer.loss;

import ai.djl.ndarray.NDArray;
import org.align3d.encoder.runtime.Scalars;

/**
 * PatchAlign3D's stage-2 objective: each labelled patch should be closer to the text of its part's name than to
 * the other part names in the batch. Names are classes by their text, so "leg" of a chair and "leg" of a table are
 * one class, which is what lets a query word find parts of categories it was never paired with.
 */
public final class PartContrastiveLoss {

    /** PatchAlign3D's temperature. */
    public static final float TEMPERATURE = 0.07f;

    private PartContrastiveLoss() {}

    /**
     * @param patches  {@code [M, D]} vectors of labelled patches, L2-normalised
     * @param names    {@code [N, D]} part-name vectors, L2-normalised
     * @param labels   {@code [M]} int64 index into {@code names} of each patch's part
     * @return mean cross-entropy, a scalar
     */
    public static NDArray loss(NDArray patches, NDArray names, NDArray labels) {
        NDArray logProbs = Scalars.div(patches.matMul(names.transpose()), TEMPERATURE).logSoftmax(1);
        NDArray picked = logProbs.gather(labels.expandDims(1), 1);
        return picked.neg().mean();
    }
}
