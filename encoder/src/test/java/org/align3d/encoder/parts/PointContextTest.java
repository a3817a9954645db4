package org.align3d.encoder.parts;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.align3d.sampling.Patches;
import org.align3d.sampling.PointCloud;
import org.junit.Test;

public class PointContextTest {

    /** Points on a line at x = 0..9, normals +Y; patch centres at points 0, 3, 6 and 9, one-hot patch vectors. */
    private static Patches line() {
        float[] positions = new float[30];
        float[] normals = new float[30];
        for (int i = 0; i < 10; i++) {
            positions[3 * i] = i * 0.1f;
            normals[3 * i + 1] = 1;
        }
        return new Patches(new PointCloud(positions, normals, null, List.of()), new int[] {0, 3, 6, 9}, new int[] {0, 3, 6, 9}, 1);
    }

    private static final float[][] VECTORS = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};

    @Test
    public void readsTheNearestPatchesInOrderWithOffsetsInPatchUnits() {
        PointContext c = PointContext.of(line(), VECTORS, new int[] {4});
        int channels = PointContext.channels(4);
        assertEquals(3 * 8 + 6, channels);
        assertEquals(channels, c.features().length);
        float[] f = c.features();
        // nearest centre is point 3 (x 0.3), then 6 (x 0.6), then 0 (x 0.0)
        assertArrayEquals(new float[] {0, 1, 0, 0}, new float[] {f[0], f[1], f[2], f[3]}, 0f);
        assertEquals(0.1f / PointContext.OFFSET_UNIT, f[4], 1e-5f);
        assertEquals(0.1f / PointContext.OFFSET_UNIT, f[7], 1e-5f);
        assertArrayEquals(new float[] {0, 0, 1, 0}, new float[] {f[8], f[9], f[10], f[11]}, 0f);
        assertEquals(-0.2f / PointContext.OFFSET_UNIT, f[12], 1e-5f);
        assertArrayEquals(new float[] {1, 0, 0, 0}, new float[] {f[16], f[17], f[18], f[19]}, 0f);
        // normal, then position
        assertArrayEquals(new float[] {0, 1, 0, 0.4f, 0, 0}, new float[] {f[24], f[25], f[26], f[27], f[28], f[29]}, 1e-6f);
    }

    @Test
    public void interpolatesWithInverseSquareDistanceWeights() {
        PointContext c = PointContext.of(line(), VECTORS, new int[] {4, 3});
        // point 4: distances 0.1, 0.2, 0.4 -> weights 100, 25, 6.25 over 131.25
        assertEquals(100 / 131.25, c.interpolated()[1], 1e-4);
        assertEquals(25 / 131.25, c.interpolated()[2], 1e-4);
        assertEquals(6.25 / 131.25, c.interpolated()[0], 1e-4);
        // a point on a centre takes that patch's vector
        assertEquals(1.0, c.interpolated()[4 + 1], 1e-4);
    }

    @Test
    public void patchVectorsMustMatchThePatches() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> PointContext.of(line(), new float[][] {{1, 0}}));
        assertEquals("1 patch vectors for 4 patches", e.getMessage());
    }
}
