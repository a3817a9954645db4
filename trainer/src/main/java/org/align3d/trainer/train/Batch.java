package org.align3d.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * One training step's tensors.
 *
 * @param inputs        the network's inputs (see {@link org.align3d.trainer.model.AlignmentNetwork})
 * @param tokenMask     {@code [C, T]} 1 on real tokens, 0 on padding
 * @param partMask      {@code [N, Tp]} the same for part-name tokens
 * @param positives     {@code [C, S]} 1 where caption c describes shape s
 * @param groupMates    {@code [C, S]} 1 where shape s is in caption c's shape's hard-negative group (itself included)
 * @param groupRows     {@code [C]} 1 where caption c's shape has at least one group mate in the batch
 * @param labelledRows  int64 rows of {@code [S * P]} patches that carry a part label
 * @param patchLabels   int64 part-name index of each labelled row
 */
public record Batch(NDList inputs, NDArray tokenMask, NDArray partMask, NDArray positives, NDArray groupMates, NDArray groupRows, NDArray labelledRows,
                    NDArray patchLabels) {

    public boolean hasParts() {
        return labelledRows != null && labelledRows.size() > 0;
    }
}
