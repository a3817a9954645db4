package org.align3d.trainer.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.align3d.encoder.runtime.EngineInfo;
import org.align3d.trainer.eval.EvaluationReport;
import org.align3d.trainer.parts.PartHeadSettings;
import org.align3d.trainer.parts.PartHeadTrainer;
import org.align3d.trainer.run.Datasets;
import org.align3d.trainer.train.Augmentation;
import org.align3d.trainer.train.TrainingConfig;

/** The MODEL_CARD.md of a bundle: how to reproduce it, on what it was trained, and how it measures. */
final class ModelCard {

    private ModelCard() {}

    /**
     * @param arguments the train command's arguments; {@code --out} and its value are left out of the card, as
     *                  where a bundle was written has no part in what it is
     */
    static String render(String id, List<String> arguments, String data, Datasets datasets, TrainingConfig config, Duration took,
                         EngineInfo engine, EvaluationReport test) {
        return String.format(Locale.ROOT, """
            # Model card: %s

            Trained by align3d's own trainer, from data the project generates; no third-party meshes.

            - Command: `./align3d train %s`
            - Data: %s (%d train, %d validation, %d test shapes)
            - Seed: %d; steps %d, batch %d, learning rate %s (warm-up %d, cosine), token-level temperature %s
            - Losses: global InfoNCE (learnable temperature) + HAF token-to-patch InfoNCE x%s (and x%s within hard-negative
              groups) + part-name contrastive x%s
              + PointAlign consistency x%s; positives are attribute-consistent
            - Augmentation: %s
            - Hardware: %s on %s, %d cores; training took %d min
            - Text side: all-MiniLM-L6-v2 (quantized ONNX, Apache-2.0) frozen, with a trained projection

            %s""", id, reproducible(arguments), data, datasets.train().size(), datasets.val().size(), datasets.test().size(), config.seed(),
            config.totalSteps(), config.batchSize(), config.learningRate(), config.warmupSteps(), config.temperature(),
            weight(config.losses().tokenPatch()), weight(config.losses().hardNegative()), weight(config.losses().part()),
            weight(config.losses().consistency()), describe(config.augmentation()), engine.engineName(),
            engine.deviceName(), Runtime.getRuntime().availableProcessors(), took.toMinutes(), evaluation(test));
    }

    static final String EVALUATION_HEADING = "## Evaluation on the held-out test split";

    /** The card's evaluation section. */
    static String evaluation(EvaluationReport test) {
        return EVALUATION_HEADING + "\n\n" + test.table()
            + "\nHeld out: attribute combinations and caption phrasings chosen by the generator's split plan.\n";
    }

    /**
     * The card's part head section.
     *
     * @param madeBy how the head was made: a command, or the stage of the card's command
     */
    static String partHead(String madeBy, String data, PartHeadSettings settings, PartHeadTrainer.Result result, Duration took) {
        return String.format(Locale.ROOT, """

            ## Part head

            - Made by: %s
            - Data: %s; the evaluation above is on its test split
            - %d steps of %d shapes x %d labelled points, Adam %s (cosine to 1%%), hidden width %d, seed %d; each shape
              turned about the up axis at random; the encoder and part-name vectors frozen
            - Loss: each point's vector against the %d part names of the %d labelled training shapes, cross-entropy at
              temperature %s (PatchAlign3D's part loss at point level)
            - Validation part mIoU (the data's validation split, up to 500 shapes): %.3f from patch vectors alone, %.3f
              with the head; training the head took %d min
            """, madeBy, data, settings.steps(), settings.shapesPerStep(), settings.pointsPerShape(), settings.learningRate(),
            settings.width(), settings.seed(), result.partNames(), result.shapes(), weight(PartHeadSettings.TEMPERATURE),
            result.patchesMiou(), result.headMiou(), took.toMinutes());
    }

    /**
     * {@code card} with its evaluation section and anything after it (an earlier part head section) replaced by
     * {@code test}'s table and {@code partHead}.
     */
    static String withPartHead(String card, EvaluationReport test, String partHead) {
        int at = card.indexOf(EVALUATION_HEADING);
        if (at < 0) {
            throw new IllegalArgumentException("the model card has no \"" + EVALUATION_HEADING + "\" section to replace");
        }
        return card.substring(0, at) + evaluation(test) + partHead;
    }

    /** Refuses, before any work is done, a card {@link #withPartHead} could not rewrite. */
    static void requireEvaluationSection(String card, java.nio.file.Path file) {
        if (!card.contains(EVALUATION_HEADING)) {
            throw new IllegalArgumentException(file + " has no \"" + EVALUATION_HEADING + "\" section, which train-parts"
                + " rewrites with the new evaluation");
        }
    }

    static String reproducible(List<String> arguments) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--out")) {
                i++;
                continue;
            }
            out.append(out.isEmpty() ? "" : " ").append(arguments.get(i));
        }
        return out.toString();
    }

    static String describe(Augmentation a) {
        return String.format(Locale.ROOT, "%s, scale +-%s, jitter %s, normal noise up to %s, normals inverted or double-sided"
            + " on %s of shapes", a.rotate() ? "rotation about the up axis" : "no rotation", weight(a.scale()), weight(a.jitter()),
            weight(a.normalNoise()), weight(a.normalFlip()));
    }

    /** A loss weight as it was typed: 0.1, not the 0.10000000149011612 a float widened to double prints. */
    static String weight(double value) {
        return Float.toString((float) value);
    }
}
