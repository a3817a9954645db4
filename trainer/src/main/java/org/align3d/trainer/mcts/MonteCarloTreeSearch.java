package org.align3d.trainer.mcts;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Monte Carlo Tree Search with UCT selection, one-action expansion, random-policy rollouts and backpropagation
 * of discounted returns, under a fixed budget of environment transitions.
 *
 * <p>Both of align3d's calibrations use it: Uni4D's (ATMS) search over training actions (learning rate and
 * temperature up or down, or no change, each applied for a chunk of steps) and 3DAlign-DAER's search over HAF's
 * attention policy. The search is deterministic for a seed.
 */
public final class MonteCarloTreeSearch<S, A> {

    private final SearchEnvironment<S, A> environment;
    private final SearchBudget budget;
    private final UctSelector selector;
    private final SplittableRandom random;
    private int transitions;
    private S bestState;
    private double bestReturn = Double.NEGATIVE_INFINITY;
    private SearchNode<S, A> bestNode;
    private double bestNodeReturn = Double.NEGATIVE_INFINITY;

    public MonteCarloTreeSearch(SearchEnvironment<S, A> environment, SearchBudget budget, long seed) {
        this.environment = environment;
        this.budget = budget;
        this.selector = new UctSelector(budget.exploration());
        this.random = new SplittableRandom(seed);
    }

    public SearchResult<S, A> search(S root) {
        SearchNode<S, A> rootNode = new SearchNode<>(root, null, 0, null, environment.actions(root));
        bestState = root;
        bestReturn = 0;
        while (transitions < budget.transitions()) {
            if (rootNode.exhausted()) {
                break; // every path has been tried to its end: more search would only repeat itself
            }
            SearchNode<S, A> leaf = selectAndExpand(rootNode);
            double pathReturn = returnFromRoot(leaf);
            note(leaf.state, pathReturn);
            if (pathReturn > bestNodeReturn) {
                bestNodeReturn = pathReturn;
                bestNode = leaf;
            }
            double value = rollout(leaf, pathReturn);
            backpropagate(leaf, value);
        }
        return bestPath(rootNode);
    }

    /** Walks down by UCT, past exhausted subtrees, to a node with untried actions and expands one of them. */
    private SearchNode<S, A> selectAndExpand(SearchNode<S, A> root) {
        SearchNode<S, A> node = root;
        while (node.fullyExpanded()) {
            node = selector.select(node); // never null: the caller checked the root is not exhausted
        }
        A action = node.untried.remove(random.nextInt(node.untried.size()));
        SearchEnvironment.Transition<S> t = environment.apply(node.state, action);
        transitions++;
        SearchNode<S, A> child = new SearchNode<>(t.state(), action, t.reward(), node, environment.actions(t.state()));
        node.children.add(child);
        return child;
    }

    /** Random policy from the leaf; returns the discounted value of the leaf's subtree estimate. */
    private double rollout(SearchNode<S, A> leaf, double pathReturn) {
        S state = leaf.state;
        double value = 0;
        double weight = 1;
        int depth = depthOf(leaf);
        for (int step = 0; step < budget.rolloutDepth() && transitions < budget.transitions(); step++) {
            List<A> actions = environment.actions(state);
            if (actions.isEmpty()) {
                break;
            }
            SearchEnvironment.Transition<S> t = environment.apply(state, actions.get(random.nextInt(actions.size())));
            transitions++;
            weight *= budget.discount();
            value += weight * t.reward();
            state = t.state();
            note(state, pathReturn + Math.pow(budget.discount(), depth) * value);
        }
        return value;
    }

    private void backpropagate(SearchNode<S, A> leaf, double rolloutValue) {
        double value = rolloutValue;
        for (SearchNode<S, A> node = leaf; node != null; node = node.parent) {
            node.visits++;
            node.totalReturn += value;
            value = node.reward + budget.discount() * value;
        }
    }

    private double returnFromRoot(SearchNode<S, A> node) {
        List<Double> rewards = new ArrayList<>();
        for (SearchNode<S, A> n = node; n.parent != null; n = n.parent) {
            rewards.add(0, n.reward);
        }
        double total = 0;
        double weight = 1;
        for (double r : rewards) {
            total += weight * r;
            weight *= budget.discount();
        }
        return total;
    }

    private static int depthOf(SearchNode<?, ?> node) {
        int depth = 0;
        for (SearchNode<?, ?> n = node; n.parent != null; n = n.parent) {
            depth++;
        }
        return depth;
    }

    private void note(S state, double pathReturn) {
        if (pathReturn > bestReturn) {
            bestReturn = pathReturn;
            bestState = state;
        }
    }

    /** The path to the tree node with the highest return: the action sequence the search can vouch for. */
    private SearchResult<S, A> bestPath(SearchNode<S, A> root) {
        List<A> actions = new ArrayList<>();
        List<S> states = new ArrayList<>();
        for (SearchNode<S, A> n = bestNode; n != null && n != root; n = n.parent) {
            actions.add(0, n.action);
            states.add(0, n.state);
        }
        return new SearchResult<>(List.copyOf(actions), List.copyOf(states), bestState, bestReturn, transitions);
    }
}
