package org.align3d.trainer.mcts;

import java.util.List;

/**
 * What Monte Carlo Tree Search explores: states, the actions available in each, and the reward of a transition.
 * Applying an action may be expensive (Uni4D-style calibration trains the model for a chunk of steps); the search
 * counts every {@link #apply} against its budget.
 *
 * @param <S> a state; must not be mutated by {@link #apply}
 * @param <A> an action
 */
public interface SearchEnvironment<S, A> {

    /** Actions available in {@code state}; empty when it is terminal. */
    List<A> actions(S state);

    /** The state {@code action} leads to from {@code state}, with the reward of that step. */
    Transition<S> apply(S state, A action);

    /** A state reached by an action and the reward the step earned. */
    record Transition<S>(S state, double reward) {
    }
}
