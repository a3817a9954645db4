package org.align3d.trainer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineInfo;
import org.align3d.encoder.runtime.EngineRuntime;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.encoder.text.TextLimits;
import org.align3d.sampling.GeometryPipeline;
import org.align3d.sampling.SamplingConfig;
import org.align3d.synth.ManifestException;
import org.align3d.trainer.calibrate.CalibrationTask;
import org.align3d.trainer.calibrate.HafPolicySearch;
import org.align3d.trainer.calibrate.PolicyCalibration;
import org.align3d.trainer.calibrate.PolicyObjective;
import org.align3d.trainer.calibrate.ScheduleReward;
import org.align3d.trainer.calibrate.TrainingScheduleSearch;
import org.align3d.trainer.calibrate.TrainingScheduleSearch.ScheduleState;
import org.align3d.trainer.data.ShapeLoader;
import org.align3d.trainer.eval.EmbeddedGallery;
import org.align3d.trainer.eval.EvaluationReport;
import org.align3d.trainer.run.Datasets;
import org.align3d.trainer.run.TrainingRun;
import org.align3d.trainer.train.TrainingConfig;

/**
 * {@code ./align3d train --ablation}: does Monte Carlo Tree Search earn its compute?
 *
 * <ol>
 *   <li>Training schedule (Uni4D): from one warm checkpoint, spend the same budget of {@code --budget} chunks of
 *       {@code --chunk} steps three ways: the fixed schedule (all chunks in a row), MCTS over lr/temperature
 *       actions, and random action sequences; each ends at its best state by validation score.</li>
 *   <li>HAF policy (3DAlign-DAER): on the fixed-schedule model, the uncalibrated policy against MCTS and random
 *       search with the same number of policy evaluations, for retrieval.</li>
 * </ol>
 * All rows are measured on the held-out test split; the tables go to standard output and {@code --report FILE}.
 * The checkpoints the methods train from live in a temporary directory deleted when the command ends.
 */
final class AblationCommand {

    static final String USAGE = """
        usage: ./align3d train --ablation [--data synth:COUNT[:SEED] | --data MANIFEST] [--warmup-steps N] [--chunk N]
                                          [--budget N] [--policy-budget N] [--batch N] [--seed N] [--report FILE]
          --warmup-steps  fixed-schedule steps before the comparison starts (default 600)
          --chunk         training steps per action (default 100)
          --budget        chunks each method may spend (default 8)
          --policy-budget HAF policy evaluations per method (default 300)
          --report        also write the tables (markdown) and JSON rows to FILE and FILE.json
        """;

    private AblationCommand() {}

    record Row(String method, int chunks, int stepsOnPath, double valScore, EvaluationReport test) {
    }

    static void run(String[] args, PrintStream out) throws IOException, ManifestException {
        Flags f = new Flags(args, Set.of("--data", "--warmup-steps", "--chunk", "--budget", "--policy-budget", "--batch", "--seed",
            "--report"), Set.of("--ablation"));
        DataSpec data = DataSpec.parse(f.string("--data", "synth:2400:1"));
        int warmup = f.integer("--warmup-steps", 600, 1, 1_000_000);
        int chunk = f.integer("--chunk", 100, 1, 1_000_000);
        int budget = f.integer("--budget", 8, 1, 10_000);
        int policyBudget = f.integer("--policy-budget", PolicyCalibration.DEFAULT_BUDGET, 1, 100_000);
        int seed = f.integer("--seed", 7, 0, Integer.MAX_VALUE);
        TrainingConfig defaults = TrainingConfig.defaults(seed);
        long steps = warmup + (long) budget * chunk;
        if (steps > 10_000_000) { // as train's --steps
            throw new UsageException("--warmup-steps + --budget x --chunk is " + steps + " steps; at most 10000000");
        }
        int total = (int) steps;
        TrainingConfig config = new TrainingConfig(f.integer("--batch", defaults.batchSize(), 2, 1024), defaults.learningRate(),
            defaults.warmupSteps(), total, defaults.temperature(), defaults.losses(), defaults.augmentation(), seed);
        ShapeEncoderConfig shapeConfig = ShapeEncoderConfig.DEFAULT;

        EngineInfo engine = EngineRuntime.start(DevicePreference.AUTO);
        try (ScratchDirectory work = ScratchDirectory.create("align3d-ablation");
             FrozenTextEncoder text = FrozenTextEncoder.load(TextLimits.DEFAULT)) {
            GeometryPipeline pipeline = new GeometryPipeline(new SamplingConfig(shapeConfig.points(), shapeConfig.patches(),
                shapeConfig.patchSize()));
            Datasets datasets = Datasets.split(data.load(new ShapeLoader(pipeline, seed)), 300, 1000).requireValAndTest(data.describe());
            out.printf("ablation on %s: %d train, %d val, %d test; warm-up %d steps, then %d chunks of %d steps per method (%s, %s)%n",
                data.describe(), datasets.train().size(), datasets.val().size(), datasets.test().size(), warmup, budget, chunk,
                engine.engineName(), engine.deviceName());
            try (TrainingRun run = new TrainingRun(shapeConfig, config, datasets, text, work.resolve("run"), engine.device(), out)) {
                run.trainer().train(warmup);
                TrainingScheduleSearch search = new TrainingScheduleSearch(run, chunk, budget, ScheduleReward.DEFAULT,
                    work.resolve("search"), out);
                ScheduleState root = search.root();
                out.printf("warm start at step %d: val score %.3f%n", root.step(), root.valScore());

                List<Row> schedule = new ArrayList<>();
                out.println("fixed schedule...");
                search.restore(root);
                ScheduleState fixedBest = root;
                for (int i = 0; i < budget; i++) {
                    run.trainer().train(chunk);
                    double score = search.validationScore();
                    if (score > fixedBest.valScore()) {
                        Path dir = work.resolve("fixed-" + i);
                        run.trainer().save(dir);
                        fixedBest = new ScheduleState(dir, i + 1, run.trainer().step(), 1, run.trainer().temperature(), score, 0);
                    }
                }
                schedule.add(row("fixed schedule", budget, fixedBest, search, run));
                EmbeddedGallery fixedVal = run.embed(datasets.val());
                EmbeddedGallery fixedTest = run.embed(datasets.test());

                out.println("MCTS over lr/temperature actions...");
                var mcts = search.mcts(root, budget, seed);
                schedule.add(row("MCTS (Uni4D)", mcts.transitions(), mcts.bestState(), search, run));
                out.println("random action sequences...");
                ScheduleState random = search.random(root, budget, seed);
                schedule.add(row("random search", budget, random, search, run));

                List<String[]> policyRows = new ArrayList<>();
                PolicyObjective objective = PolicyObjective.of(CalibrationTask.RETRIEVAL, fixedVal, PolicyCalibration.DEFAULT_ALPHA);
                HafPolicySearch policySearch = new HafPolicySearch(objective);
                HafPolicy start = HafPolicy.UNCALIBRATED;
                policyRows.add(policyRow("uncalibrated", 0, start, objective, fixedTest, run));
                HafPolicySearch.Outcome m = policySearch.mcts(start, policyBudget, seed);
                policyRows.add(policyRow("MCTS (DAER)", m.evaluations(), m.policy(), objective, fixedTest, run));
                HafPolicySearch.Outcome r = policySearch.random(start, policyBudget, seed);
                policyRows.add(policyRow("random search", r.evaluations(), r.policy(), objective, fixedTest, run));

                String tables = scheduleTable(schedule, chunk) + "\n" + policyTable(policyRows);
                out.println();
                out.print(tables);
                if (f.has("--report")) {
                    Path report = Path.of(f.string("--report", "ablation.md"));
                    Files.writeString(report, tables);
                    StringBuilder json = new StringBuilder("[");
                    for (Row row : schedule) {
                        json.append(json.length() > 1 ? ",\n" : "\n").append(String.format(Locale.ROOT,
                            "{\"method\": \"%s\", \"chunks\": %d, \"steps_on_path\": %d, \"val_score\": %.4f, \"test\": %s}",
                            row.method(), row.chunks(), row.stepsOnPath(), row.valScore(), row.test().json()));
                    }
                    Files.writeString(Path.of(report + ".json"), json.append("\n]\n").toString());
                }
            }
        }
    }

    private static Row row(String method, int chunks, ScheduleState best, TrainingScheduleSearch search, TrainingRun run) {
        search.restore(best);
        EvaluationReport test = run.evaluate(run.data().test(), HafPolicy.UNCALIBRATED, HafPolicy.globalOnly());
        return new Row(method, chunks, best.step(), best.valScore(), test);
    }

    private static String[] policyRow(String method, int evaluations, HafPolicy policy, PolicyObjective objective,
                                      EmbeddedGallery test, TrainingRun run) {
        PolicyObjective.Evaluation val = objective.evaluate(policy);
        EvaluationReport t = new org.align3d.trainer.eval.Evaluator(run.mentions()).evaluate(test, policy, HafPolicy.globalOnly());
        return new String[] {method, Integer.toString(evaluations), PolicyCalibration.describe(policy),
            f3(objective.value(policy)), f3(val.recall()), f3(t.textToShape()[0]), f3(t.attributePrecision()[0]),
            f3(t.hardNegativeHaf())};
    }

    static String scheduleTable(List<Row> rows, int chunk) {
        StringBuilder s = new StringBuilder("Training schedule (Uni4D MCTS), equal budget of chunks of " + chunk + " steps:\n\n");
        s.append("| method | chunks spent | step of best state | val score | test R@1 | test attr P@1 | test hard-neg (HAF) |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n", r.method(), r.chunks(),
                r.stepsOnPath(), r.valScore(), r.test().textToShape()[0], r.test().attributePrecision()[0], r.test().hardNegativeHaf()));
        }
        return s.toString();
    }

    static String policyTable(List<String[]> rows) {
        StringBuilder s = new StringBuilder("HAF attention policy (DAER MCTS), retrieval, equal budget of policy evaluations:\n\n");
        s.append("| method | evaluations | policy | val objective | val recall | test R@1 | test attr P@1 | test hard-neg |\n");
        s.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (String[] r : rows) {
            s.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return s.toString();
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
