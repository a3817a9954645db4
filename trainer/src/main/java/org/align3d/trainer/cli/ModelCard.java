package org.align3d.trainer.cli;

import java.time.Duration;
import java.util.Locale;
import org.align3d.encoder.runtime.EngineInfo;
import org.align3d.trainer.eval.EvaluationReport;
import org.align3d.trainer.run.Datasets;
import org.align3d.trainer.train.TrainingConfig;

/** The MODEL_CARD.md of a bundle: how to reproduce it, on what it was trained, and how it measures. */
final class ModelCard {

    private ModelCard() {}

    static String render(String id, String arguments, String data, Datasets datasets, TrainingConfig config, Duration took,
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
            - Hardware: %s on %s, %d cores; training took %d min
            - Text side: all-MiniLM-L6-v2 (quantized ONNX, Apache-2.0) frozen, with a trained projection

            ## Evaluation on the held-out test split

            %s
            Held out: attribute combinations and caption phrasings chosen by the generator's split plan.
            """, id, arguments, data, datasets.train().size(), datasets.val().size(), datasets.test().size(), config.seed(),
            config.totalSteps(), config.batchSize(), config.learningRate(), config.warmupSteps(), config.temperature(),
            config.losses().tokenPatch(), config.losses().hardNegative(), config.losses().part(), config.losses().consistency(), engine.engineName(),
            engine.deviceName(), Runtime.getRuntime().availableProcessors(), took.toMinutes(), test.table());
    }
}
