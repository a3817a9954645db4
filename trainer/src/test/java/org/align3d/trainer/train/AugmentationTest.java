package org.align3d.trainer.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.SplittableRandom;
import org.junit.Test;

/** What each augmentation does to a patch feature array of (relative xyz, normal) rows. */
public class AugmentationTest {

    private static final int ROWS = 200;

    /** Rows with distinct positions and unit normals. */
    private static float[] features() {
        SplittableRandom random = new SplittableRandom(1);
        float[] f = new float[ROWS * 6];
        for (int i = 0; i < ROWS; i++) {
            double x = random.nextDouble(-1, 1), y = random.nextDouble(-1, 1), z = random.nextDouble(-1, 1);
            double length = Math.sqrt(x * x + y * y + z * z);
            f[6 * i] = (float) (0.1 * x);
            f[6 * i + 1] = (float) (0.1 * y);
            f[6 * i + 2] = (float) (0.1 * z);
            f[6 * i + 3] = (float) (x / length);
            f[6 * i + 4] = (float) (y / length);
            f[6 * i + 5] = (float) (z / length);
        }
        return f;
    }

    @Test
    public void noneLeavesShapesAlone() {
        float[] f = features();
        float[] c = {0.5f, 0.25f, -0.5f};
        Augmentation.NONE.apply(f, c, new SplittableRandom(3));
        assertArrayEquals(features(), f, 0f);
        assertArrayEquals(new float[] {0.5f, 0.25f, -0.5f}, c, 0f);
    }

    @Test
    public void normalNoiseMovesNormalsButKeepsThemUnitAndLeavesPositions() {
        float[] original = features();
        float[] f = features();
        new Augmentation(false, 0, 0, 0.25, 0).apply(f, new float[3], new SplittableRandom(5));
        double moved = 0;
        for (int i = 0; i < ROWS; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals("position " + i, original[6 * i + k], f[6 * i + k], 0f);
            }
            double x = f[6 * i + 3], y = f[6 * i + 4], z = f[6 * i + 5];
            assertEquals("normal " + i + " length", 1.0, Math.sqrt(x * x + y * y + z * z), 1e-5);
            moved += 1 - (x * original[6 * i + 3] + y * original[6 * i + 4] + z * original[6 * i + 5]);
        }
        assertTrue("normals moved on average (1 - cos " + moved / ROWS + ")", moved / ROWS > 1e-4);
    }

    @Test
    public void damagedShapesAreInvertedOrDoubleSided() {
        Augmentation flipAlways = new Augmentation(false, 0, 0, 0, 1);
        float[] original = features();
        int inverted = 0;
        int doubleSided = 0;
        for (long seed = 0; seed < 40; seed++) {
            float[] f = features();
            flipAlways.apply(f, new float[3], new SplittableRandom(seed));
            int flipped = 0;
            for (int i = 0; i < ROWS; i++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(original[6 * i + k], f[6 * i + k], 0f);
                }
                boolean same = f[6 * i + 3] == original[6 * i + 3] && f[6 * i + 4] == original[6 * i + 4];
                boolean negated = f[6 * i + 3] == -original[6 * i + 3] && f[6 * i + 4] == -original[6 * i + 4]
                    && f[6 * i + 5] == -original[6 * i + 5];
                assertTrue("row " + i + " is kept or negated", same || negated);
                flipped += negated ? 1 : 0;
            }
            if (flipped == ROWS) {
                inverted++;
            } else {
                assertTrue("a double-sided shape flips about half its normals: " + flipped, flipped > ROWS / 4 && flipped < 3 * ROWS / 4);
                doubleSided++;
            }
        }
        assertTrue("both kinds of damage occur: " + inverted + " inverted, " + doubleSided + " double-sided",
            inverted > 5 && doubleSided > 5);
    }

    @Test
    public void undamagedWhenFlipProbabilityIsZero() {
        float[] f = features();
        new Augmentation(true, 0, 0, 0, 0).apply(f, new float[3], new SplittableRandom(9));
        assertNotEquals("the rotation still applies", features()[0], f[0], 1e-6f);
        float[] original = features();
        for (int i = 0; i < ROWS; i++) {
            assertEquals("normal y is untouched by a rotation about y", original[6 * i + 4], f[6 * i + 4], 1e-6f);
        }
    }

    @Test
    public void flipProbabilityOutsideZeroOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Augmentation(true, 0, 0, 0, 1.5));
        assertTrue(e.getMessage(), e.getMessage().contains("1.5"));
    }
}
