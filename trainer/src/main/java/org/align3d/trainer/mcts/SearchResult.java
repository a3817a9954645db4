package org.align3d.trainer.mcts;

import java.util.List;

/**
 * What a search found.
 *
 * @param actions      actions from the root to the best state the tree holds (rollout states have no tree node)
 * @param states       the states along that path (without the root)
 * @param bestState    the state with the highest return seen anywhere, rollouts included
 * @param bestReturn   that state's return from the root
 * @param transitions  environment steps spent
 */
public record SearchResult<S, A>(List<A> actions, List<S> states, S bestState, double bestReturn, int transitions) {
}
