package org.align3d.trainer.calibrate;

/**
 * Uni4D's reward for a chunk of training: the validation gain, minus a penalty when gradients ran above a
 * threshold (unstable training) and a penalty when the gap between training and validation scores grew
 * (overfitting).
 *
 * @param gradientThreshold   mean gradient norm above which the penalty starts (default 5, the clipping norm)
 * @param gradientPenalty     penalty per unit of relative excess over the threshold (default 0.02)
 * @param overfittingPenalty  penalty per unit of growth of (train score - validation score) (default 0.5)
 */
public record ScheduleReward(double gradientThreshold, double gradientPenalty, double overfittingPenalty) {

    public static final ScheduleReward DEFAULT = new ScheduleReward(5.0, 0.02, 0.5);

    public double of(double valBefore, double valAfter, double gapBefore, double gapAfter, double gradientNorm) {
        double unstable = Math.max(0, gradientNorm - gradientThreshold) / gradientThreshold;
        double overfit = Math.max(0, gapAfter - gapBefore);
        return (valAfter - valBefore) - gradientPenalty * unstable - overfittingPenalty * overfit;
    }
}
