package org.align3d.encoder.parts;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.List;
import org.align3d.sampling.Patches;
import org.align3d.sampling.PointCloud;
import org.junit.Test;

public class ZeroShotPartsTest {

    /** Points on a line at x = 0..9; patch centres at points 0, 3, 6 and 9. */
    private static Patches line() {
        float[] positions = new float[30];
        for (int i = 0; i < 10; i++) {
            positions[3 * i] = i;
        }
        PointCloud cloud = new PointCloud(positions, new float[30], null, List.of());
        return new Patches(cloud, new int[] {0, 3, 6, 9}, new int[] {0, 3, 6, 9}, 1);
    }

    @Test
    public void oneNeighbourGivesEachPointItsNearestPatchsBestPart() {
        // patches 0 and 1 prefer part 0, patches 2 and 3 part 1
        float[][] sim = {{0.9f, 0.1f}, {0.6f, 0.5f}, {0.2f, 0.7f}, {0.1f, 0.8f}};
        int[] labels = ZeroShotParts.pointLabels(line(), sim, 1);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, labels);
    }

    @Test
    public void interpolationLetsAConfidentNeighbourOutvoteAnUnsureNearestPatch() {
        // patch 1 (x = 3) barely prefers part 0; patch 2 (x = 6) strongly prefers part 1. Point 4 is nearest to
        // patch 1, but with three neighbours the interpolated similarity favours part 1.
        float[][] sim = {{0.9f, 0.1f}, {0.51f, 0.49f}, {0.0f, 1.0f}, {0.0f, 1.0f}};
        assertEquals(0, ZeroShotParts.pointLabels(line(), sim, 1)[4]);
        assertEquals(1, ZeroShotParts.pointLabels(line(), sim, 3)[4]);
        // a point on a patch centre keeps that patch's part: its own weight dominates
        assertEquals(0, ZeroShotParts.pointLabels(line(), sim, 3)[0]);
    }

    @Test
    public void similaritiesAreCosinesOfNormalisedVectors() {
        float[][] patches = {{1, 0}, {0, 1}};
        float[][] names = {{1, 0}, {(float) Math.sqrt(0.5), (float) Math.sqrt(0.5)}};
        float[][] s = ZeroShotParts.similarities(patches, names);
        assertEquals(1.0, s[0][0], 1e-6);
        assertEquals(Math.sqrt(0.5), s[1][1], 1e-6);
        assertEquals(0.0, s[1][0], 1e-6);
    }
}
