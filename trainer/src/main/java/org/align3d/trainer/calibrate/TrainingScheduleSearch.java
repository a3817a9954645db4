package org.align3d.trainer.calibrate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.trainer.eval.EvaluationReport;
import org.align3d.trainer.mcts.MonteCarloTreeSearch;
import org.align3d.trainer.mcts.SearchBudget;
import org.align3d.trainer.mcts.SearchEnvironment;
import org.align3d.trainer.mcts.SearchResult;
import org.align3d.trainer.run.TrainingRun;
import org.align3d.trainer.train.ChunkReport;

/**
 * Uni4D's (ATMS) reinforcement-learned training control as Monte Carlo Tree Search: training is the environment.
 * A state is a checkpoint with its learning-rate multiplier, temperature, step and scores; an action
 * ({@link ScheduleAction}) changes the learning rate or temperature, or nothing, and trains a chunk of steps from
 * the state's checkpoint; the reward is {@link ScheduleReward}. Every transition costs one chunk of training, the
 * unit of the compute budget, so a search of N transitions costs what N chunks of a fixed schedule cost.
 */
public final class TrainingScheduleSearch {

    static final float LR_FACTOR = 1.5f;
    static final float TEMPERATURE_FACTOR = 1.25f;

    public enum ScheduleAction {
        LR_UP, LR_DOWN, TEMP_UP, TEMP_DOWN, NO_CHANGE
    }

    /**
     * A point of training.
     *
     * @param checkpoint where its weights are
     * @param depth      chunks from the root
     * @param valScore   validation score: mean of exact R@1 and attribute-consistent P@1 (HAF, uncalibrated)
     * @param gap        training-subset score minus validation score
     */
    public record ScheduleState(Path checkpoint, int depth, int step, float lrMultiplier, float temperature, double valScore,
                                double gap) {
    }

    private final TrainingRun run;
    private final int chunkSteps;
    private final int maxDepth;
    private final ScheduleReward reward;
    private final Path workDir;
    private final PrintStream log;
    private int transitions;

    public TrainingScheduleSearch(TrainingRun run, int chunkSteps, int maxDepth, ScheduleReward reward, Path workDir, PrintStream log) {
        this.run = run;
        this.chunkSteps = chunkSteps;
        this.maxDepth = maxDepth;
        this.reward = reward;
        this.workDir = workDir;
        this.log = log;
    }

    /** Scores the run's current weights and saves them as the search's root. */
    public ScheduleState root() {
        Path dir = save("root");
        double[] scores = scores();
        return new ScheduleState(dir, 0, run.trainer().step(), run.trainer().schedule().multiplier(), run.trainer().temperature(),
            scores[0], scores[1] - scores[0]);
    }

    public SearchResult<ScheduleState, ScheduleAction> mcts(ScheduleState root, int budget, long seed) {
        return new MonteCarloTreeSearch<>(new Environment(), new SearchBudget(budget, 1, 0.02, 1.0), seed).search(root);
    }

    /** Random action sequences from the root, restarting at {@code maxDepth}, at the same budget; returns the best state. */
    public ScheduleState random(ScheduleState root, int budget, long seed) {
        Environment env = new Environment();
        SplittableRandom random = new SplittableRandom(seed);
        ScheduleState best = root;
        int spent = 0;
        while (spent < budget) {
            ScheduleState state = root;
            while (spent < budget && state.depth() < maxDepth) {
                ScheduleAction a = ScheduleAction.values()[random.nextInt(ScheduleAction.values().length)];
                state = env.apply(state, a).state();
                spent++;
                if (state.valScore() > best.valScore()) {
                    best = state;
                }
            }
        }
        return best;
    }

    /** Restores the run to a state's weights and settings. */
    public void restore(ScheduleState state) {
        try {
            run.trainer().load(state.checkpoint());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final class Environment implements SearchEnvironment<ScheduleState, ScheduleAction> {

        @Override
        public List<ScheduleAction> actions(ScheduleState s) {
            return s.depth() >= maxDepth ? List.of() : List.of(ScheduleAction.values());
        }

        @Override
        public Transition<ScheduleState> apply(ScheduleState s, ScheduleAction a) {
            restore(s);
            float lr = s.lrMultiplier();
            float t = s.temperature();
            switch (a) {
                case LR_UP -> lr = Math.min(8f, lr * LR_FACTOR);
                case LR_DOWN -> lr = Math.max(0.05f, lr / LR_FACTOR);
                case TEMP_UP -> t = Math.min(1f, t * TEMPERATURE_FACTOR);
                case TEMP_DOWN -> t = Math.max(0.01f, t / TEMPERATURE_FACTOR);
                case NO_CHANGE -> { }
            }
            run.trainer().schedule().multiplier(lr);
            run.trainer().temperature(t);
            ChunkReport chunk = run.trainer().train(chunkSteps);
            double[] scores = scores();
            double gap = scores[1] - scores[0];
            double r = reward.of(s.valScore(), scores[0], s.gap(), gap, chunk.gradientNorm());
            transitions++;
            ScheduleState next = new ScheduleState(save("t" + transitions), s.depth() + 1, run.trainer().step(), lr, t, scores[0], gap);
            log.println(String.format(Locale.ROOT, "  schedule search %3d: %-9s depth %d step %d lr x%.2f T %.3f -> val %.3f gap %.3f |g| %.2f reward %+.4f",
                transitions, a, next.depth(), next.step(), lr, t, scores[0], gap, chunk.gradientNorm(), r));
            log.flush();
            return new Transition<>(next, r);
        }
    }

    /** The score the search optimises, of the run's current weights on validation. */
    public double validationScore() {
        return score(run.evaluate(run.data().val(), HafPolicy.UNCALIBRATED, HafPolicy.globalOnly()));
    }

    /** {validation score, training-subset score}. */
    private double[] scores() {
        double val = validationScore();
        List<org.align3d.trainer.data.TrainingShape> train = run.data().train();
        EvaluationReport tr = run.evaluate(train.subList(0, Math.min(train.size(), run.data().val().size())),
            HafPolicy.UNCALIBRATED, HafPolicy.globalOnly());
        return new double[] {val, score(tr)};
    }

    static double score(EvaluationReport r) {
        return (r.textToShape()[0] + r.attributePrecision()[0]) / 2;
    }

    private Path save(String name) {
        try {
            Path dir = workDir.resolve(name);
            run.trainer().save(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
