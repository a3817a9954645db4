package org.align3d.synth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.align3d.mesh.Mesh;
import org.junit.Test;

public class ShapeBuilderTest {

    private static final double[] HEIGHTS = {0, 0.05, 0.1};
    private static final double[] RADII = {0.04, 0.05, 0.05};

    @Test
    public void aVesselIsAClosedConsistentlyWoundShellThinnerThanTheSolid() {
        Mesh solid = new ShapeBuilder().part("body").lathe(Pose.ORIGIN, HEIGHTS, RADII).build("solid");
        Mesh vessel = new ShapeBuilder().part("body").vessel(Pose.ORIGIN, HEIGHTS, RADII, 0.004, true).build("vessel");
        assertClosedAndConsistent(vessel);
        double walls = CategoryGeometryTest.signedVolume(vessel);
        double full = CategoryGeometryTest.signedVolume(solid);
        // outer minus cavity: about the wall area times its thickness, a small part of the solid
        assertTrue("vessel " + walls + " solid " + full, walls > 0.1 * full && walls < 0.4 * full);
    }

    @Test
    public void anOpenTubeIsClosedToo() {
        Mesh tube = new ShapeBuilder().part("neck").vessel(Pose.at(0, 1, 0), HEIGHTS, RADII, 0.004, false).build("tube");
        assertClosedAndConsistent(tube);
        assertTrue(CategoryGeometryTest.signedVolume(tube) > 0);
    }

    @Test
    public void anOpenPrismIsAClosedConsistentlyWoundShell() {
        double[] xs = {1, 1, 0, -1, -1};
        double[] zs = {-2, 1, 2, 1, -2};
        Mesh solid = new ShapeBuilder().part("hull").extrude(Pose.ORIGIN, xs, zs, 0.55, 1, 0.8).build("solid");
        Mesh open = new ShapeBuilder().part("hull").openPrism(Pose.ORIGIN, xs, zs, 0.55, 1, 0.8, 0.1).build("open");
        assertClosedAndConsistent(open);
        double walls = CategoryGeometryTest.signedVolume(open);
        double full = CategoryGeometryTest.signedVolume(solid);
        assertTrue("open " + walls + " solid " + full, walls > 0.1 * full && walls < 0.6 * full);
    }

    /** Every directed edge once and its reverse once: no hole, and every face wound as its neighbours. */
    private static void assertClosedAndConsistent(Mesh mesh) {
        Map<Long, Integer> edges = new HashMap<>();
        int[] t = mesh.triangles();
        for (int f = 0; f < mesh.faceCount(); f++) {
            for (int e = 0; e < 3; e++) {
                long a = t[3 * f + e], b = t[3 * f + (e + 1) % 3];
                edges.merge(a << 32 | b, 1, Integer::sum);
            }
        }
        for (Map.Entry<Long, Integer> edge : edges.entrySet()) {
            long a = edge.getKey() >>> 32, b = edge.getKey() & 0xffffffffL;
            assertEquals("edge " + a + "->" + b, 1, (int) edge.getValue());
            assertEquals("reverse of edge " + a + "->" + b, 1, (int) edges.getOrDefault(b << 32 | a, 0));
        }
    }
}
