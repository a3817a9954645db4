package org.align3d.trainer.mcts;

/**
 * Upper Confidence bounds applied to Trees: picks the child maximising
 * {@code mean return + c * sqrt(ln(parent visits) / child visits)}, balancing what has paid off against what has
 * been tried little. Unvisited children come first; exhausted subtrees are skipped (null when all are).
 */
final class UctSelector {

    private final double exploration;

    UctSelector(double exploration) {
        this.exploration = exploration;
    }

    <S, A> SearchNode<S, A> select(SearchNode<S, A> parent) {
        SearchNode<S, A> best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        double logVisits = Math.log(Math.max(1, parent.visits));
        for (SearchNode<S, A> child : parent.children) {
            if (child.exhausted()) {
                continue;
            }
            double value = child.visits == 0
                ? Double.POSITIVE_INFINITY
                : child.meanReturn() + exploration * Math.sqrt(logVisits / child.visits);
            if (value > bestValue) {
                bestValue = value;
                best = child;
            }
        }
        return best;
    }
}
