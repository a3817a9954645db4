package org.align3d.trainer.eval;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class EvaluatorTest {

    private static final boolean[] RELEVANT = {true, false, true, false, false, false};

    @Test
    public void averagePrecisionIsTheMeanPrecisionAtEachRelevantRank() {
        // relevant shapes 0 and 2 ranked 1st and 3rd: (1/1 + 2/3) / 2
        assertEquals((1 + 2.0 / 3) / 2, Evaluator.averagePrecision(new int[] {0, 1, 2, 3, 4, 5}, RELEVANT), 1e-12);
        // ranked 2nd and 6th: (1/2 + 2/6) / 2
        assertEquals((0.5 + 2.0 / 6) / 2, Evaluator.averagePrecision(new int[] {1, 0, 3, 4, 5, 2}, RELEVANT), 1e-12);
        assertEquals(1.0, Evaluator.averagePrecision(new int[] {2, 0, 1, 3, 4, 5}, RELEVANT), 1e-12);
        assertEquals(0.0, Evaluator.averagePrecision(new int[] {1, 3}, RELEVANT), 1e-12);
    }

    @Test
    public void precisionAtKCountsTheFirstKOrAllWhenFewer() {
        int[] ranking = {1, 0, 3, 2, 4, 5};
        assertEquals(0.0, Evaluator.precisionAt(1, ranking, RELEVANT), 1e-12);
        assertEquals(2.0 / 5, Evaluator.precisionAt(5, ranking, RELEVANT), 1e-12);
        assertEquals(1.0 / 2, Evaluator.precisionAt(5, new int[] {1, 2}, RELEVANT), 1e-12);
    }
}
