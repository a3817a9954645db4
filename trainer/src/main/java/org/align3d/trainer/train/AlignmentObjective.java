package org.align3d.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.runtime.Scalars;
import org.align3d.trainer.loss.ConsistencyLoss;
import org.align3d.trainer.loss.MultiPositiveInfoNce;
import org.align3d.trainer.loss.PartContrastiveLoss;
import org.align3d.trainer.loss.TokenPatchScores;
import org.align3d.trainer.model.AlignmentNetwork.Outputs;

/**
 * The training loss: global symmetric InfoNCE with the learnable temperature, plus HAF's token-to-patch InfoNCE at
 * the scheduled temperature (the one Uni4D-style calibration moves), the same within hard-negative groups,
 * PatchAlign3D's part-name contrastive loss and
 * PointAlign's consistency loss, weighted by {@link LossWeights}.
 */
public final class AlignmentObjective {

    /** The logit scale is clamped as in CLIP, so the global temperature never falls below 0.01. */
    static final float MAX_LOGIT_SCALE = (float) Math.log(100);
    private final LossWeights weights;

    public AlignmentObjective(LossWeights weights) {
        this.weights = weights;
    }

    /** The parts of one step's loss; {@code total} carries the gradient. */
    public record Losses(NDArray total, float global, float tokenPatch, float hardNegative, float part, float consistency) {
    }

    public Losses compute(NDList out, Batch batch, float temperature) {
        NDArray shapeGlobal = normalize(out.get(Outputs.SHAPE_GLOBAL));
        NDArray textGlobal = normalize(out.get(Outputs.TEXT_GLOBAL));
        NDArray scale = out.get(Outputs.LOGIT_SCALE).clip(0, MAX_LOGIT_SCALE).exp();
        NDArray global = MultiPositiveInfoNce.loss(textGlobal.matMul(shapeGlobal.transpose()).mul(scale), batch.positives());

        NDArray patches = normalize(out.get(Outputs.PATCH_VECTORS));
        NDArray tokens = normalize(out.get(Outputs.TOKEN_VECTORS));
        NDArray tokenWeights = out.get(Outputs.TOKEN_WEIGHTS).mul(batch.tokenMask());
        NDArray hafScores = TokenPatchScores.scores(tokens, tokenWeights, patches,
            (float) HafPolicy.UNCALIBRATED.attentionTemperature());
        NDArray hafLogits = Scalars.div(hafScores, temperature);
        NDArray tokenPatch = MultiPositiveInfoNce.loss(hafLogits, batch.positives());

        NDArray total = global.add(Scalars.mul(tokenPatch, (float) weights.tokenPatch()));
        float hardNegativeValue = 0;
        if (weights.hardNegative() > 0 && batch.groupRows().sum().getFloat() > 0) {
            NDArray hard = MultiPositiveInfoNce.restricted(hafLogits, batch.positives(), batch.groupMates(),
                batch.groupRows());
            total = total.add(Scalars.mul(hard, (float) weights.hardNegative()));
            hardNegativeValue = hard.getFloat();
        }
        float partValue = 0;
        if (weights.part() > 0 && batch.hasParts()) {
            // a part name's vector is the normalised mean of its normalised token vectors, as QueryEmbedder computes it
            NDArray partTokens = normalize(out.get(Outputs.PART_TOKEN_VECTORS));
            NDArray mask = batch.partMask().expandDims(2);
            NDArray names = normalize(partTokens.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).add(1e-6f)));
            long rows = patches.getShape().get(0) * patches.getShape().get(1);
            NDArray labelled = patches.reshape(rows, patches.getShape().get(2)).get(new NDIndex("{}", batch.labelledRows()));
            NDArray part = PartContrastiveLoss.loss(labelled, names, batch.patchLabels());
            total = total.add(Scalars.mul(part, (float) weights.part()));
            partValue = part.getFloat();
        }
        float consistencyValue = 0;
        if (weights.consistency() > 0) {
            NDArray consistency = ConsistencyLoss.loss(out.get(Outputs.PROJECTED_TOKENS), out.get(Outputs.INPUT_TOKENS));
            total = total.add(Scalars.mul(consistency, (float) weights.consistency()));
            consistencyValue = consistency.getFloat();
        }
        return new Losses(total, global.getFloat(), tokenPatch.getFloat(), hardNegativeValue, partValue, consistencyValue);
    }

    static NDArray normalize(NDArray x) {
        return x.div(x.norm(new int[] {-1}, true).add(1e-6f));
    }
}
