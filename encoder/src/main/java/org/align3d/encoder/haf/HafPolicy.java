package org.align3d.encoder.haf;

/**
 * HAF's attention policy: how much each level of the hierarchy counts in the fused score, and how sharply a text
 * token's attention concentrates on its best patches. The trainer calibrates one policy per task (retrieval,
 * classification) with Monte Carlo Tree Search (3DAlign-DAER's Dynamic Attention Policy) and stores it in the
 * model bundle.
 *
 * @param globalWeight         weight of the global cosine (asset vector against sentence vector)
 * @param patchWeight          weight of token-to-patch attention (each token attends over patches: a soft MaxSim)
 * @param partWeight           weight of token-to-part matching (patches pooled into spatial part groups)
 * @param attentionTemperature softmax temperature of token-over-patch attention; small values approach MaxSim
 */
public record HafPolicy(double globalWeight, double patchWeight, double partWeight, double attentionTemperature) {

    /** Before calibration: all levels equal, fairly sharp attention. */
    public static final HafPolicy UNCALIBRATED = new HafPolicy(1, 1, 1, 0.1);

    public HafPolicy {
        requireWeight("globalWeight", globalWeight);
        requireWeight("patchWeight", patchWeight);
        requireWeight("partWeight", partWeight);
        if (globalWeight + patchWeight + partWeight <= 0) {
            throw new IllegalArgumentException("at least one HAF level weight must be positive");
        }
        if (!(attentionTemperature >= 0.005 && attentionTemperature <= 10)) {
            throw new IllegalArgumentException("attentionTemperature [" + attentionTemperature + "] must be in 0.005..10");
        }
    }

    /** Global cosine only: the score plain vector search ranks by. */
    public static HafPolicy globalOnly() {
        return new HafPolicy(1, 0, 0, 0.1);
    }

    double weightSum() {
        return globalWeight + patchWeight + partWeight;
    }

    private static void requireWeight(String name, double w) {
        if (!(w >= 0 && w <= 100)) {
            throw new IllegalArgumentException(name + " [" + w + "] must be in 0..100");
        }
    }
}
