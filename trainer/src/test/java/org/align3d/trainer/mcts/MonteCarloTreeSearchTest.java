package org.align3d.trainer.mcts;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class MonteCarloTreeSearchTest {

    /**
     * A walk on 0..20 starting at 10: moves -1 or +1, five steps; the reward of a step is the gain of
     * f(x) = -(x - 14)^2 + a deceptive local bump at 8. The best five-step path is +1 x4 then either.
     */
    static final class Walk implements SearchEnvironment<int[], Integer> {
        int applied;

        static double f(int x) {
            return -(x - 14) * (x - 14) + (x == 8 ? 30 : 0);
        }

        @Override
        public List<Integer> actions(int[] s) {
            return s[1] >= 5 ? List.of() : List.of(-1, +1);
        }

        @Override
        public Transition<int[]> apply(int[] s, Integer a) {
            applied++;
            int x = Math.max(0, Math.min(20, s[0] + a));
            return new Transition<>(new int[] {x, s[1] + 1}, f(x) - f(s[0]));
        }
    }

    @Test
    public void findsTheBestPathWithinBudget() {
        Walk walk = new Walk();
        SearchResult<int[], Integer> r = new MonteCarloTreeSearch<>(walk, new SearchBudget(400, 5, 5.0, 1.0), 42).search(new int[] {10, 0});
        assertEquals(List.of(1, 1, 1, 1), r.actions().subList(0, 4));
        assertEquals(14, r.bestState()[0]);
        assertEquals(Walk.f(14) - Walk.f(10), r.bestReturn(), 1e-9);
        assertTrue(r.transitions() <= 400);
        assertEquals(r.transitions(), walk.applied);
    }

    @Test
    public void neverExceedsTheBudget() {
        Walk walk = new Walk();
        SearchResult<int[], Integer> r = new MonteCarloTreeSearch<>(walk, new SearchBudget(7, 3, 1.4, 0.9), 1).search(new int[] {10, 0});
        assertTrue(r.transitions() <= 7);
        assertEquals(r.transitions(), walk.applied);
    }

    @Test
    public void isDeterministicForASeed() {
        SearchResult<int[], Integer> a = new MonteCarloTreeSearch<>(new Walk(), new SearchBudget(30, 2, 1.4, 1), 7).search(new int[] {10, 0});
        SearchResult<int[], Integer> b = new MonteCarloTreeSearch<>(new Walk(), new SearchBudget(30, 2, 1.4, 1), 7).search(new int[] {10, 0});
        assertEquals(a.actions(), b.actions());
        assertEquals(a.bestReturn(), b.bestReturn(), 0);
    }

    @Test
    public void budgetRefusesBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new SearchBudget(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SearchBudget(10, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SearchBudget(10, 1, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new SearchBudget(10, 1, 1, 0));
    }

    @Test(timeout = 10_000)
    public void stopsWhenTheWholeTreeIsExplored() {
        Walk walk = new Walk();
        // 2 + 4 + 8 + 16 + 32 = 62 distinct transitions exist; a larger budget must not spin
        SearchResult<int[], Integer> r = new MonteCarloTreeSearch<>(walk, new SearchBudget(100_000, 0, 1.4, 1), 3).search(new int[] {10, 0});
        assertEquals(62, r.transitions());
        assertEquals(Walk.f(14) - Walk.f(10), r.bestReturn(), 1e-9);
    }
}
