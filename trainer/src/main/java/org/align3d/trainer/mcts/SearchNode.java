package org.align3d.trainer.mcts;

import java.util.ArrayList;
import java.util.List;

/** A node of the search tree: a state, how it was reached, and the returns backed up through it. */
final class SearchNode<S, A> {

    final S state;
    final A action;
    final double reward;
    final SearchNode<S, A> parent;
    final List<SearchNode<S, A>> children = new ArrayList<>();
    final List<A> untried;
    int visits;
    double totalReturn;

    SearchNode(S state, A action, double reward, SearchNode<S, A> parent, List<A> actions) {
        this.state = state;
        this.action = action;
        this.reward = reward;
        this.parent = parent;
        this.untried = new ArrayList<>(actions);
    }

    double meanReturn() {
        return visits == 0 ? 0 : totalReturn / visits;
    }

    boolean fullyExpanded() {
        return untried.isEmpty();
    }

    /** Nothing below this node is left to try: it is terminal, or expanded with every child exhausted. */
    boolean exhausted() {
        if (!untried.isEmpty()) {
            return false;
        }
        for (SearchNode<S, A> child : children) {
            if (!child.exhausted()) {
                return false;
            }
        }
        return true;
    }
}
