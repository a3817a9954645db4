package org.align3d.trainer.mcts;

/**
 * How much search Monte Carlo Tree Search may spend.
 *
 * @param transitions  environment steps in total (expansions plus rollout steps): the compute budget
 * @param rolloutDepth random-policy steps after an expansion before the value is backed up
 * @param exploration  UCT's exploration constant {@code c} in {@code mean + c * sqrt(ln N / n)}
 * @param discount     weight of later rewards in a path's return (1 = plain sum)
 */
public record SearchBudget(int transitions, int rolloutDepth, double exploration, double discount) {

    public SearchBudget {
        if (transitions < 1 || transitions > 1_000_000) {
            throw new IllegalArgumentException("transitions [" + transitions + "] must be in 1..1000000");
        }
        if (rolloutDepth < 0 || rolloutDepth > 1000) {
            throw new IllegalArgumentException("rolloutDepth [" + rolloutDepth + "] must be in 0..1000");
        }
        if (!(exploration >= 0 && exploration <= 100)) {
            throw new IllegalArgumentException("exploration [" + exploration + "] must be in 0..100");
        }
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount [" + discount + "] must be in (0, 1]");
        }
    }
}
