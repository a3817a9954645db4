package org.align3d.sampling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.UpAxis;
import org.junit.Test;

public class NormalEstimatorTest {

    /** {@code n} points spread evenly over a sphere of radius 2 around (1, 2, 3) (a Fibonacci lattice). */
    private static float[] sphere(int n) {
        float[] p = new float[3 * n];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < n; i++) {
            double y = 1 - 2 * (i + 0.5) / n;
            double r = Math.sqrt(1 - y * y);
            p[3 * i] = (float) (1 + 2 * r * Math.cos(golden * i));
            p[3 * i + 1] = (float) (2 + 2 * y);
            p[3 * i + 2] = (float) (3 + 2 * r * Math.sin(golden * i));
        }
        return p;
    }

    private static double outward(float[] p, float[] n, int i) {
        double x = p[3 * i] - 1, y = p[3 * i + 1] - 2, z = p[3 * i + 2] - 3;
        double length = Math.sqrt(x * x + y * y + z * z);
        return (x * n[3 * i] + y * n[3 * i + 1] + z * n[3 * i + 2]) / length;
    }

    @Test
    public void aSphereGetsItsRadialNormalsPointingOut() {
        float[] p = sphere(600);
        PointCloud filled = new NormalEstimator().fill(new PointCloud(p, new float[p.length], null, List.of()));
        for (int i = 0; i < 600; i++) {
            assertTrue("point " + i + ": cos to the radius " + outward(p, filled.normals(), i), outward(p, filled.normals(), i) > 0.98);
        }
    }

    @Test
    public void aNoisyPlaneGetsItsNormal() {
        SplittableRandom random = new SplittableRandom(4);
        int n = 400;
        float[] p = new float[3 * n];
        for (int i = 0; i < n; i++) {
            p[3 * i] = (float) random.nextDouble(-1, 1);
            p[3 * i + 1] = (float) random.nextDouble(-1, 1);
            p[3 * i + 2] = (float) random.nextDouble(-0.005, 0.005);
        }
        float[] normals = new NormalEstimator().fill(new PointCloud(p, new float[p.length], null, List.of())).normals();
        for (int i = 0; i < n; i++) {
            assertTrue("point " + i + " normal z " + normals[3 * i + 2], Math.abs(normals[3 * i + 2]) > 0.98);
        }
    }

    @Test
    public void givenNormalsAreKept() {
        float[] p = sphere(100);
        float[] normals = new float[p.length];
        for (int i = 0; i < 100; i++) {
            normals[3 * i] = 1; // deliberately not radial
        }
        PointCloud complete = new PointCloud(p, normals, null, List.of());
        assertSame(complete, new NormalEstimator().fill(complete));
        normals[3 * 7] = 0; // one point without a normal
        PointCloud filled = new NormalEstimator().fill(new PointCloud(p, normals, null, List.of()));
        for (int i = 0; i < 100; i++) {
            if (i != 7) {
                assertEquals("point " + i + " keeps its normal", 1f, filled.normals()[3 * i], 0f);
            }
        }
        assertTrue(outward(p, filled.normals(), 7) > 0.98);
    }

    @Test
    public void bareCloudsLeaveTheSamplerWithUnitNormals() {
        float[] p = sphere(3000);
        Mesh cloud = new Mesh("scan.ply", p, new int[0], null, null, null, List.of(), UpAxis.Y);
        PointCloud sampled = new SurfaceSampler(512).sample(cloud, 1);
        for (int i = 0; i < 512; i++) {
            float[] n = sampled.normals();
            assertEquals(1.0, Math.sqrt(n[3 * i] * n[3 * i] + n[3 * i + 1] * n[3 * i + 1] + n[3 * i + 2] * n[3 * i + 2]), 1e-5);
            assertTrue("sampled point " + i, outward(sampled.positions(), n, i) > 0.95);
        }
    }

    @Test
    public void theSmallestEigenvectorOfARotatedDiagonalMatrix() {
        // diag(3, 1, 2) rotated by 30 degrees about z: the smallest eigenvalue's axis becomes (-sin, cos, 0)
        double c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
        double xx = 3 * c * c + 1 * s * s, xy = (3 - 1) * c * s, yy = 3 * s * s + 1 * c * c;
        double[] out = new double[3];
        SymmetricEigen.smallestEigenvector(new double[] {xx, xy, 0, yy, 0, 2}, out);
        assertEquals(1.0, Math.abs(-s * out[0] + c * out[1]), 1e-9);
        SymmetricEigen.smallestEigenvector(new double[6], out);
        assertEquals(1.0, out[1], 0);
    }

    @Test
    public void tooFewNeighboursAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NormalEstimator(2));
        assertTrue(e.getMessage(), e.getMessage().contains("2"));
    }
}
