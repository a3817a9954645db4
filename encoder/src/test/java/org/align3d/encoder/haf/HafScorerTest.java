package org.align3d.encoder.haf;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class HafScorerTest {

    private static final float[] X = {1, 0, 0};
    private static final float[] Y = {0, 1, 0};
    private static final float[] Z = {0, 0, 1};

    /** A query "red chair" whose word "red" is split into two pieces, against a shape with three patches. */
    private static HafQuery query() {
        return new HafQuery(X, new float[][] {Y, Y, Z}, new float[] {1, 1, 0.5f}, new int[] {0, 0, 1}, List.of("red", "chair"));
    }

    private static HafShape shape() {
        return new HafShape(X, new float[][] {Y, Z, X}, new int[] {0, 1, 1}, 2);
    }

    @Test
    public void globalOnlyPolicyIsTheCosine() {
        HafScore s = new HafScorer(HafPolicy.globalOnly()).score(query(), shape());
        assertEquals(1.0, s.global(), 1e-9);
        assertEquals(1.0, s.fused(), 1e-9);
        assertEquals(1.0, s.score(), 1e-9);
    }

    @Test
    public void sharpAttentionApproachesMaxSimPerToken() {
        HafScore s = new HafScorer(new HafPolicy(0, 1, 0, 0.005)).score(query(), shape());
        // every token has a patch equal to itself: MaxSim is 1 for all tokens
        assertEquals(1.0, s.patch(), 1e-6);
        assertEquals(1.0, s.score(), 1e-6);
    }

    @Test
    public void partLevelPoolsPatchesOfAGroup() {
        HafScore s = new HafScorer(new HafPolicy(0, 0, 1, 0.1)).score(query(), shape());
        // group 0 = {Y}, group 1 = normalize(Z + X): tokens Y -> 1, Z -> 1/sqrt(2); weights 1, 1, 0.5
        double expected = (1 + 1 + 0.5 / Math.sqrt(2)) / 2.5;
        assertEquals(expected, s.part(), 1e-6);
    }

    @Test
    public void scoreStaysInUnitIntervalForOppositeVectors() {
        float[] minusX = {-1, 0, 0};
        HafQuery q = new HafQuery(minusX, new float[][] {minusX}, new float[] {1}, new int[] {0}, List.of("x"));
        HafScore s = new HafScorer(HafPolicy.UNCALIBRATED).score(q, new HafShape(X, new float[][] {X}, new int[] {0}, 1));
        assertEquals(-1.0, s.fused(), 1e-6);
        assertEquals(0.0, s.score(), 1e-6);
    }

    @Test
    public void wordMatchesMergePiecesAndPointAtTheMatchingPatch() {
        HafScore s = new HafScorer(new HafPolicy(0, 1, 0, 0.01)).score(query(), shape(), 1);
        assertEquals(2, s.matches().size());
        WordMatch red = s.matches().get(0);
        assertEquals("red", red.word());
        assertArrayEquals(new int[] {0}, red.patches());
        assertTrue(red.attention()[0] > 0.99f);
        assertEquals("chair", s.matches().get(1).word());
        assertArrayEquals(new int[] {1}, s.matches().get(1).patches());
    }

    @Test
    public void policyRefusesBadValuesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HafPolicy(-1, 1, 1, 0.1));
        assertTrue(e.getMessage(), e.getMessage().startsWith("globalWeight [-1.0]"));
        assertThrows(IllegalArgumentException.class, () -> new HafPolicy(0, 0, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new HafPolicy(1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new HafPolicy(Double.NaN, 1, 1, 0.1));
    }
}
