package org.align3d.trainer.calibrate;

import java.io.PrintStream;
import java.util.Locale;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.trainer.eval.EmbeddedGallery;

/** Calibrates one HAF policy per task on a validation gallery with {@link HafPolicySearch} and logs what changed. */
public final class PolicyCalibration {

    /** Policy evaluations per task; a few seconds once level scores are cached. */
    public static final int DEFAULT_BUDGET = 300;
    /** Weight of the loss drop against recall in the hybrid reward. */
    public static final double DEFAULT_ALPHA = 0.3;

    private PolicyCalibration() {}

    public static HafPolicy calibrate(CalibrationTask task, EmbeddedGallery val, HafPolicy start, long seed, PrintStream log) {
        PolicyObjective objective = PolicyObjective.of(task, val, DEFAULT_ALPHA);
        PolicyObjective.Evaluation before = objective.evaluate(start);
        HafPolicySearch.Outcome out = new HafPolicySearch(objective).mcts(start, DEFAULT_BUDGET, seed);
        log.println(String.format(Locale.ROOT, "HAF policy (%s): %s -> %s; val loss %.3f -> %.3f, recall %.3f -> %.3f (%d evaluations)",
            task.name().toLowerCase(Locale.ROOT), describe(start), describe(out.policy()), before.loss(), out.evaluation().loss(),
            before.recall(), out.evaluation().recall(), out.evaluations()));
        return out.policy();
    }

    public static String describe(HafPolicy p) {
        return String.format(Locale.ROOT, "global %.2f patch %.2f part %.2f tau %.3f", p.globalWeight(), p.patchWeight(),
            p.partWeight(), p.attentionTemperature());
    }
}
