package org.align3d.trainer.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.align3d.encoder.bundle.BundleConfig;
import org.align3d.encoder.bundle.BundleException;
import org.align3d.encoder.bundle.ModelBundle;
import org.align3d.encoder.embed.QueryEmbedder;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineInfo;
import org.align3d.encoder.runtime.EngineRuntime;
import org.align3d.encoder.runtime.EngineStartException;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.encoder.text.TextLimits;
import org.align3d.files.FileTrees;
import org.align3d.sampling.GeometryPipeline;
import org.align3d.sampling.SamplingConfig;
import org.align3d.synth.ManifestException;
import org.align3d.trainer.data.ShapeLoader;
import org.align3d.trainer.eval.BundleEvaluation;
import org.align3d.trainer.eval.EvaluationReport;
import org.align3d.trainer.parts.PartHeadSettings;
import org.align3d.trainer.parts.PartHeadTrainer;
import org.align3d.trainer.run.Datasets;

/** {@code ./align3d train-parts}: adds a point-level part head to an existing bundle. See {@link #USAGE}. */
public final class TrainPartsCommand {

    static final String USAGE = """
        usage: ./align3d train-parts [--model DIR] [--data synth:COUNT[:SEED] | --data MANIFEST] [--out DIR] [--steps N]
                                     [--seed N] [--device auto|cpu|gpu]
          --model   the bundle to add a part head to (default models/align3d-default); its encoder stays as it is
          --data    training data with part labels (default synth:3000:1); give the bundle's own training data and
                    seed, so the head is trained on the shapes the encoder was and validated on its validation split
          --out     where to write the bundle with its head (default: --model, replaced in place); an existing
                    directory is replaced only if it is a bundle
          --steps   optimiser steps (default 2000; about 0.1-0.3 s each on 2 CPU cores)
          --seed    seeds point sampling, initialisation and draws (default 7, as ./align3d train)
          --device  auto (default: the first GPU if the engine has one, else CPU), cpu or gpu
        The same stage runs at the end of ./align3d train (--part-head-steps). Prints validation part mIoU as it
        goes; writes the head, the bundle's test-split evaluation and a "Part head" section into its model card.
        """;

    private TrainPartsCommand() {}

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (UsageException e) {
            System.err.println("align3d train-parts: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (BundleException | ManifestException | IOException | IllegalArgumentException | IllegalStateException
                 | EngineStartException e) {
            System.err.println("align3d train-parts: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args, PrintStream out) throws IOException, ManifestException, BundleException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(USAGE);
            return;
        }
        Flags f = new Flags(args, Set.of("--model", "--data", "--out", "--steps", "--seed", "--device"), Set.of());
        Path modelDir = f.path("--model", Path.of("models", "align3d-default"));
        DataSpec data = DataSpec.parse(f.string("--data", DataSpec.DEFAULT));
        Path outDir = f.path("--out", modelDir);
        int seed = f.integer("--seed", 7, 0, Integer.MAX_VALUE);
        PartHeadSettings settings = PartHeadSettings.DEFAULT.withSeed(seed)
            .withSteps(f.integer("--steps", PartHeadSettings.DEFAULT.steps(), 1, 10_000_000));
        DevicePreference device = DevicePreference.parse(f.choice("--device", "auto", List.of("auto", "cpu", "gpu")));
        if (!outDir.toAbsolutePath().normalize().equals(modelDir.toAbsolutePath().normalize()) && Files.exists(outDir)
                && !Files.isRegularFile(outDir.resolve(ModelBundle.CHECKSUMS))) {
            throw new UsageException("--out " + outDir + " exists and is not a model bundle: give a new directory, or a bundle to"
                + " replace");
        }
        EngineInfo engine = EngineRuntime.start(device);
        try (NDManager manager = NDManager.newBaseManager(engine.device(), engine.engineName());
             FrozenTextEncoder text = FrozenTextEncoder.load(TextLimits.DEFAULT)) {
            ModelBundle bundle = ModelBundle.load(modelDir, manager);
            BundleConfig config = bundle.config();
            String card = bundle.modelCard();
            ModelCard.requireEvaluationSection(card, modelDir.resolve(ModelBundle.MODEL_CARD));
            GeometryPipeline pipeline = new GeometryPipeline(new SamplingConfig(config.shape().points(), config.shape().patches(),
                config.shape().patchSize()));
            Datasets datasets = Datasets.split(data.load(new ShapeLoader(pipeline, seed)), 500, 1000).requireValAndTest(data.describe());
            out.printf("bundle %s; data %s -> %d train, %d val, %d test%n", config.id(), data.describe(), datasets.train().size(),
                datasets.val().size(), datasets.test().size());
            QueryEmbedder queries = new QueryEmbedder(bundle.textProjection());
            try (PartHeadTrainer trainer = new PartHeadTrainer(bundle.shapeEncoder(), manager, settings, engine.device(), out)) {
                long start = System.nanoTime();
                PartHeadTrainer.Result result = trainer.train(datasets.train(), datasets.val(),
                    name -> queries.partVector(text.encode(name)), 250);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                EvaluationReport test = BundleEvaluation.evaluate(bundle, manager, text, datasets.test(), trainer.labeller());
                out.println();
                out.print(test.table());
                String section = ModelCard.partHead("`./align3d train-parts " + ModelCard.reproducible(List.of(args)) + "`",
                    data.describe(), settings, result, took);
                Path staging = outDir.resolveSibling(outDir.getFileName() + ".part-head-staging");
                try {
                    FileTrees.delete(staging);
                    ModelBundle.writeWithPartHead(bundle, staging, trainer.head(), ModelCard.withPartHead(card, test, section));
                    Files.writeString(staging.resolve("eval.json"), test.json() + "\n");
                    install(staging, outDir);
                } finally {
                    FileTrees.delete(staging);
                }
                out.printf("validation part mIoU %.3f from patch vectors, %.3f with the head; bundle written to %s (head trained"
                    + " in %d min)%n", result.patchesMiou(), result.headMiou(), outDir, took.toMinutes());
            }
        }
    }

    /**
     * Puts the bundle written in {@code staging} at {@code target}, replacing the bundle there: the old one is moved
     * aside first and moved back if the new one cannot take its place, so a failure never leaves {@code target}
     * without a bundle.
     */
    static void install(Path staging, Path target) throws IOException {
        Path previous = target.resolveSibling(target.getFileName() + ".before-part-head");
        FileTrees.delete(previous);
        boolean replacing = Files.exists(target);
        if (replacing) {
            Files.move(target, previous);
        }
        try {
            Files.move(staging, target);
        } catch (IOException e) {
            if (replacing) {
                Files.move(previous, target);
            }
            throw new IOException("cannot put the new bundle at " + target + " (" + e.getMessage() + "); the bundle there is"
                + " unchanged", e);
        }
        FileTrees.delete(previous);
    }
}
