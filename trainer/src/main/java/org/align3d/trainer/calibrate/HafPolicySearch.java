package org.align3d.trainer.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.trainer.mcts.MonteCarloTreeSearch;
import org.align3d.trainer.mcts.SearchBudget;
import org.align3d.trainer.mcts.SearchEnvironment;
import org.align3d.trainer.mcts.SearchResult;

/**
 * 3DAlign-DAER's Dynamic Attention Policy: Monte Carlo Tree Search over HAF's fusion weights and attention
 * temperature. An action adds or subtracts {@link #STEP} on one level's weight or scales the temperature by
 * {@link #TEMPERATURE_FACTOR}; a transition's reward is the gain of {@link PolicyObjective#value}. Paths are at most
 * {@link #MAX_DEPTH} actions long.
 */
public final class HafPolicySearch {

    static final double STEP = 0.25;
    static final double MAX_WEIGHT = 3;
    static final double TEMPERATURE_FACTOR = 1.5;
    static final int MAX_DEPTH = 8;

    /** A policy and how many actions led to it. */
    record PolicyState(HafPolicy policy, int depth, double value) {
    }

    enum PolicyAction {
        GLOBAL_UP, GLOBAL_DOWN, PATCH_UP, PATCH_DOWN, PART_UP, PART_DOWN, SHARPER, SOFTER
    }

    /** The best policy found and what finding it cost. */
    public record Outcome(HafPolicy policy, double value, PolicyObjective.Evaluation evaluation, int evaluations) {
    }

    private final PolicyObjective objective;

    public HafPolicySearch(PolicyObjective objective) {
        this.objective = objective;
    }

    public Outcome mcts(HafPolicy start, int budget, long seed) {
        Environment env = new Environment();
        PolicyState root = new PolicyState(start, 0, objective.value(start));
        SearchResult<PolicyState, PolicyAction> r = new MonteCarloTreeSearch<>(env, new SearchBudget(budget, 3, 0.05, 1.0), seed)
            .search(root);
        HafPolicy best = r.bestState().policy();
        return new Outcome(best, r.bestState().value(), objective.evaluate(best), r.transitions());
    }

    /** Random search at the same budget: random walks of up to {@link #MAX_DEPTH} actions from {@code start}. */
    public Outcome random(HafPolicy start, int budget, long seed) {
        Environment env = new Environment();
        SplittableRandom random = new SplittableRandom(seed);
        PolicyState best = new PolicyState(start, 0, objective.value(start));
        int spent = 0;
        while (spent < budget) {
            PolicyState state = new PolicyState(start, 0, objective.value(start));
            while (spent < budget && state.depth() < MAX_DEPTH) {
                List<PolicyAction> actions = env.actions(state);
                state = env.apply(state, actions.get(random.nextInt(actions.size()))).state();
                spent++;
                if (state.value() > best.value()) {
                    best = state;
                }
            }
        }
        return new Outcome(best.policy(), best.value(), objective.evaluate(best.policy()), spent);
    }

    final class Environment implements SearchEnvironment<PolicyState, PolicyAction> {

        @Override
        public List<PolicyAction> actions(PolicyState s) {
            if (s.depth() >= MAX_DEPTH) {
                return List.of();
            }
            List<PolicyAction> out = new ArrayList<>();
            for (PolicyAction a : PolicyAction.values()) {
                if (next(s.policy(), a) != null) {
                    out.add(a);
                }
            }
            return out;
        }

        @Override
        public Transition<PolicyState> apply(PolicyState s, PolicyAction a) {
            HafPolicy p = next(s.policy(), a);
            double value = objective.value(p);
            return new Transition<>(new PolicyState(p, s.depth() + 1, value), value - s.value());
        }
    }

    /** The policy an action leads to, or null when it would leave the allowed range. */
    static HafPolicy next(HafPolicy p, PolicyAction a) {
        double g = p.globalWeight();
        double pa = p.patchWeight();
        double pr = p.partWeight();
        double t = p.attentionTemperature();
        switch (a) {
            case GLOBAL_UP -> g += STEP;
            case GLOBAL_DOWN -> g -= STEP;
            case PATCH_UP -> pa += STEP;
            case PATCH_DOWN -> pa -= STEP;
            case PART_UP -> pr += STEP;
            case PART_DOWN -> pr -= STEP;
            case SHARPER -> t /= TEMPERATURE_FACTOR;
            case SOFTER -> t *= TEMPERATURE_FACTOR;
        }
        if (g < 0 || pa < 0 || pr < 0 || g > MAX_WEIGHT || pa > MAX_WEIGHT || pr > MAX_WEIGHT || g + pa + pr < STEP
            || t < 0.01 || t > 2) {
            return null;
        }
        return new HafPolicy(round(g), round(pa), round(pr), t);
    }

    private static double round(double w) {
        return Math.round(w / STEP) * STEP;
    }
}
