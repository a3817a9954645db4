package org.align3d.trainer.cli;

import ai.djl.Device;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.align3d.encoder.bundle.BundleConfig;
import org.align3d.encoder.bundle.ModelBundle;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.PartGroups;
import org.align3d.encoder.parts.PartLabeller;
import org.align3d.encoder.parts.ZeroShotParts;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineInfo;
import org.align3d.encoder.runtime.EngineRuntime;
import org.align3d.encoder.runtime.EngineStartException;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.encoder.text.TextLimits;
import org.align3d.sampling.GeometryPipeline;
import org.align3d.sampling.SamplingConfig;
import org.align3d.synth.ManifestException;
import org.align3d.trainer.calibrate.CalibrationTask;
import org.align3d.trainer.calibrate.PolicyCalibration;
import org.align3d.trainer.calibrate.ScheduleReward;
import org.align3d.trainer.calibrate.TrainingScheduleSearch;
import org.align3d.trainer.data.ShapeLoader;
import org.align3d.trainer.data.TrainingShape;
import org.align3d.trainer.eval.EmbeddedGallery;
import org.align3d.trainer.mcts.SearchResult;
import org.align3d.trainer.parts.PartHeadSettings;
import org.align3d.trainer.parts.PartHeadTrainer;
import org.align3d.trainer.eval.EvaluationReport;
import org.align3d.trainer.run.Datasets;
import org.align3d.trainer.run.TrainingRun;
import org.align3d.trainer.train.LossWeights;
import org.align3d.trainer.train.NonFiniteLossException;
import org.align3d.trainer.train.TrainingConfig;

/** {@code ./align3d train}: trains the encoders and writes a model bundle. See {@link #USAGE}. */
public final class TrainCommand {

    static final String USAGE = """
        usage: ./align3d train [--data synth:COUNT[:SEED] | --data MANIFEST] [--out DIR] [--id NAME] [--steps N]
                               [--batch N] [--lr X] [--temperature X] [--consistency X] [--part-weight X] [--seed N]
                               [--eval-every N] [--checkpoints DIR] [--resume] [--device auto|cpu|gpu]
                               [--schedule fixed|mcts] [--haf-calibration mcts|none] [--part-head-steps N]
                               [--part-dropout X] [--ablation]
          --data        training data: the generator (default synth:3000:1) or a JSONL manifest of meshes and captions
          --out         where to write the model bundle (default models/align3d-default)
          --id          the bundle's id (default align3d-default)
          --steps       training steps (default 6000)
          --batch       shapes per step (default 48)
          --lr          Adam's base learning rate (default 0.001; warm-up then cosine decay)
          --temperature temperature of the token-to-patch contrastive loss (default 0.05)
          --consistency weight of PointAlign's feature consistency loss (default 0.1; 0 turns it off)
          --part-weight weight of PatchAlign3D's part-name contrastive loss (default 0.5; 0 turns it off)
          --seed        seeds initialisation, sampling and augmentation (default 7)
          --eval-every  steps between validation lines and checkpoints (default 500)
          --checkpoints checkpoint directory (default OUT.checkpoints); --resume continues from its newest
          --schedule    fixed (default): warm-up then cosine; mcts: after the first half, Monte Carlo Tree Search
                        (Uni4D) chooses lr_up/lr_down/temp_up/temp_down/no_change per chunk of --eval-every steps,
                        spending the second half of --steps on the search, and keeps the best state found
          --haf-calibration  mcts (default): MCTS over HAF's fusion weights per task on validation (3DAlign-DAER);
                        none: keep the uncalibrated policy
          --part-head-steps  after the encoders, train the point-level part head for N steps on the frozen encoder
                        (default 2000; 0: no part head, parts are then segmented from patch vectors); the same
                        stage as ./align3d train-parts
          --part-dropout  with generated data, add about this fraction of the training shapes again with one
                        part taken away (a part every training shape of the category has, under 15% of its
                        surface), under their coarse caption only (default 0: none)
          --ablation    instead of training a bundle, compare MCTS with the fixed schedule and with random search
                        at equal compute, for both calibrations, and print the tables; it has flags of its
                        own: ./align3d train --ablation --help
        """;

    private TrainCommand() {}

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (UsageException e) {
            System.err.println("align3d train: " + e.getMessage());
            System.err.print(usage(args));
            System.exit(2);
        } catch (NonFiniteLossException e) {
            System.err.println("align3d train: stopped: " + e.getMessage() + "; the last checkpoint is the last good one");
            System.exit(1);
        } catch (ManifestException | IOException | IllegalArgumentException | EngineStartException e) {
            System.err.println("align3d train: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Uni4D-style: the remaining steps become the search's budget, one transition per chunk; keeps the best state. */
    private static void searchSchedule(TrainingRun run, TrainingConfig config, int chunk, Path checkpoints, PrintStream out) {
        int budget = Math.max(1, (config.totalSteps() - run.trainer().step()) / chunk);
        TrainingScheduleSearch search = new TrainingScheduleSearch(run, chunk, budget, ScheduleReward.DEFAULT,
            checkpoints.resolve("schedule-search"), out);
        TrainingScheduleSearch.ScheduleState root = search.root();
        SearchResult<TrainingScheduleSearch.ScheduleState, TrainingScheduleSearch.ScheduleAction> result =
            search.mcts(root, budget, config.seed());
        search.restore(result.bestState());
        out.printf("schedule search: %d chunks of %d steps; best state at step %d (lr x%.2f, T %.3f), val score %.3f (root %.3f)%n",
            result.transitions(), chunk, result.bestState().step(), result.bestState().lrMultiplier(),
            result.bestState().temperature(), result.bestState().valScore(), root.valScore());
    }

    /**
     * Checked before training, not after it: {@code --out} must be a new directory or a bundle to replace (never an
     * unrelated directory to write into), in a place this user can write.
     */
    static Path requireBundleTarget(Path dir) {
        Path absolute = dir.toAbsolutePath();
        if (Files.exists(absolute)) {
            boolean bundle = Files.isDirectory(absolute) && Files.isRegularFile(absolute.resolve(ModelBundle.CONFIG));
            if (!bundle && !isEmptyDirectory(absolute)) {
                throw new UsageException("--out [" + dir + "] exists and is not a model bundle: give a new directory, or a bundle"
                    + " to replace");
            }
            if (!Files.isWritable(absolute)) {
                throw new UsageException("--out [" + dir + "] is not writable");
            }
            return dir;
        }
        Path parent = absolute.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new UsageException("--out [" + dir + "] cannot be created: " + parent + " is not a writable directory");
        }
        return dir;
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The ablation's own usage when {@code --ablation} is among the arguments, else training's. */
    static String usage(String[] args) {
        return List.of(args).contains("--ablation") ? AblationCommand.USAGE : USAGE;
    }

    static void run(String[] args, PrintStream out) throws IOException, ManifestException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(usage(args));
            return;
        }
        if (List.of(args).contains("--ablation")) {
            AblationCommand.run(args, out);
            return;
        }
        Flags f = new Flags(args, Set.of("--data", "--out", "--id", "--steps", "--batch", "--lr", "--temperature", "--seed",
            "--eval-every", "--checkpoints", "--device", "--schedule", "--haf-calibration", "--consistency", "--part-weight",
            "--part-head-steps", "--part-dropout"), Set.of("--resume"));
        String schedule = f.choice("--schedule", "fixed", List.of("fixed", "mcts"));
        boolean calibrateHaf = f.choice("--haf-calibration", "mcts", List.of("mcts", "none")).equals("mcts");
        DataSpec data = DataSpec.parse(f.string("--data", DataSpec.DEFAULT));
        Path bundleDir = requireBundleTarget(f.path("--out", Path.of("models", "align3d-default")));
        String id = f.string("--id", "align3d-default");
        try {
            BundleConfig.requireId(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--id: " + e.getMessage());
        }
        int seed = f.integer("--seed", 7, 0, Integer.MAX_VALUE);
        TrainingConfig defaults = TrainingConfig.defaults(seed);
        TrainingConfig config = new TrainingConfig(f.integer("--batch", defaults.batchSize(), 2, 1024),
            f.number("--lr", defaults.learningRate(), 1e-6f, 0.5f), defaults.warmupSteps(),
            f.integer("--steps", defaults.totalSteps(), 1, 10_000_000), f.number("--temperature", defaults.temperature(), 0.005f, 10f),
            new LossWeights(defaults.losses().tokenPatch(), defaults.losses().hardNegative(),
                f.number("--part-weight", (float) defaults.losses().part(), 0f, 100f),
                f.number("--consistency", (float) defaults.losses().consistency(), 0f, 100f)),
            defaults.augmentation(), seed);
        int evalEvery = f.integer("--eval-every", 500, 1, 10_000_000);
        int partHeadSteps = f.integer("--part-head-steps", PartHeadSettings.DEFAULT.steps(), 0, 10_000_000);
        float partDropout = f.number("--part-dropout", 0f, 0f, 1f);
        if (partDropout > 0 && data.manifest() != null) {
            throw new UsageException("--part-dropout needs generated data (--data synth:COUNT[:SEED])");
        }
        Path checkpoints = f.path("--checkpoints", Path.of(bundleDir + ".checkpoints"));
        DevicePreference device = DevicePreference.parse(f.choice("--device", "auto", List.of("auto", "cpu", "gpu")));
        ShapeEncoderConfig shapeConfig = ShapeEncoderConfig.DEFAULT;

        long start = System.nanoTime();
        EngineInfo engine = EngineRuntime.start(device);
        out.println("engine " + engine.engineName() + " " + engine.version() + " on " + engine.deviceName());
        try (FrozenTextEncoder text = FrozenTextEncoder.load(TextLimits.DEFAULT)) {
            GeometryPipeline pipeline = new GeometryPipeline(new SamplingConfig(shapeConfig.points(), shapeConfig.patches(),
                shapeConfig.patchSize()));
            ShapeLoader loader = new ShapeLoader(pipeline, seed);
            Datasets datasets = Datasets.split(data.load(loader), 500, 1000).requireValAndTest(data.describe());
            out.printf("data: %s -> %d train, %d val, %d test%n", data.describe(), datasets.train().size(),
                datasets.val().size(), datasets.test().size());
            if (partDropout > 0) {
                List<TrainingShape> without = loader.synthWithoutParts(data.synthSeed(), data.synthCount(), partDropout);
                datasets = new Datasets(Stream.concat(datasets.train().stream(), without.stream()).toList(),
                    datasets.val(), datasets.test());
                out.printf("part dropout: %d more training shapes, each with one part taken away%n", without.size());
            }
            int headSteps = partHeadSteps;
            if (headSteps > 0 && datasets.train().stream().noneMatch(PartHeadTrainer::teaches)) {
                out.println("no part head: no training shape of " + data.describe() + " has two or more labelled parts;"
                    + " parts will be segmented from patch vectors");
                headSteps = 0;
            }
            try (TrainingRun run = new TrainingRun(shapeConfig, config, datasets, text, checkpoints, engine.device(), out)) {
                if (f.has("--resume")) {
                    Path last = TrainingRun.lastCheckpoint(checkpoints);
                    if (last == null) {
                        throw new UsageException("--resume: no checkpoint in " + checkpoints);
                    }
                    run.trainer().load(last);
                    out.println("resumed from " + last + " at step " + run.trainer().step());
                }
                int fixedUntil = schedule.equals("mcts") ? config.totalSteps() / 2 : config.totalSteps();
                while (run.trainer().step() < fixedUntil) {
                    run.trainChunk(Math.min(evalEvery, fixedUntil - run.trainer().step()));
                }
                if (schedule.equals("mcts")) {
                    searchSchedule(run, config, evalEvery, checkpoints, out);
                }
                HafPolicy retrieval = HafPolicy.UNCALIBRATED;
                HafPolicy classification = HafPolicy.globalOnly();
                if (calibrateHaf) {
                    EmbeddedGallery val = run.embed(datasets.val());
                    retrieval = PolicyCalibration.calibrate(CalibrationTask.RETRIEVAL, val, retrieval, seed, out);
                    classification = PolicyCalibration.calibrate(CalibrationTask.CLASSIFICATION, val, classification, seed, out);
                }
                PartHeadSettings headSettings = PartHeadSettings.DEFAULT.withSeed(seed).withSteps(headSteps);
                try (PartHeadTrainer parts = headSteps == 0 ? null : new PartHeadTrainer(run.trainer().network().shapeEncoder(),
                        run.trainer().manager(), headSettings, engine.device(), out)) {
                    String partSection = "";
                    if (parts != null) {
                        long headStart = System.nanoTime();
                        PartHeadTrainer.Result result = parts.train(datasets.train(), datasets.val(), run.partVectors(), 250);
                        partSection = ModelCard.partHead("the command above, after the encoders (--part-head-steps " + headSteps
                            + "; the same stage as ./align3d train-parts)", data.describe(), headSettings, result, Duration.ofNanos(System.nanoTime() - headStart));
                    }
                    EvaluationReport test = run.evaluate(datasets.test(), retrieval, classification,
                        parts == null ? PartLabeller.fromPatches(ZeroShotParts.NEIGHBOURS) : parts.labeller());
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    out.println();
                    out.print(test.table());
                    BundleConfig bundle = new BundleConfig(id, BundleConfig.TEXT_MODEL, shapeConfig, PartGroups.DEFAULT_GROUPS,
                        parts == null ? 0 : headSettings.width(),
                        Map.of(BundleConfig.RETRIEVAL, retrieval, BundleConfig.CLASSIFICATION, classification),
                        Map.of("align3d", TrainCommand.class.getPackage().getImplementationVersion() == null ? "dev"
                            : TrainCommand.class.getPackage().getImplementationVersion(), "djl", "0.35.1", "pytorch", engine.version()));
                    String card = ModelCard.render(id, List.of(args), data.describe(), datasets, config, took, engine, test) + partSection;
                    ModelBundle.write(bundleDir, bundle, run.trainer().network().shapeEncoder(),
                        run.trainer().network().textProjection(), parts == null ? null : parts.head(), card);
                    Files.writeString(bundleDir.resolve("eval.json"), test.json() + "\n");
                    out.println("bundle written to " + bundleDir + " in " + took.toMinutes() + " min");
                }
            }
        }
    }
}
