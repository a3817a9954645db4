package org.align3d.sampling;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.UpAxis;
import org.junit.Test;

public class SamplingTest {

    /** Two unit squares side by side in the z = 0 plane, facing +Z: "small" (area 1) and "big" (area 3). */
    private static Mesh twoPanels(UpAxis up) {
        float[] p = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 4, 0, 0, 4, 1, 0, 1, 1, 0};
        int[] t = {0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7};
        return Mesh.of("panels", p, t, new int[] {0, 0, 1, 1}, List.of("small", "big"), up);
    }

    @Test
    public void sameSeedSamePointsOtherSeedOtherPoints() {
        SurfaceSampler sampler = new SurfaceSampler(512);
        PointCloud a = sampler.sample(twoPanels(UpAxis.Y), 7);
        PointCloud b = sampler.sample(twoPanels(UpAxis.Y), 7);
        PointCloud c = sampler.sample(twoPanels(UpAxis.Y), 8);
        assertArrayEquals(a.positions(), b.positions(), 0f);
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(Arrays.equals(a.positions(), c.positions()));
    }

    @Test
    public void pointsAreAreaWeightedOnTheSurfaceWithTheirFaceNormalAndPart() {
        PointCloud cloud = new SurfaceSampler(20_000).sample(twoPanels(UpAxis.Y), 1);
        int big = 0;
        float[] p = cloud.positions();
        for (int i = 0; i < cloud.size(); i++) {
            assertEquals(0f, p[3 * i + 2], 0f);
            assertTrue(p[3 * i] >= 0 && p[3 * i] <= 4 && p[3 * i + 1] >= 0 && p[3 * i + 1] <= 1);
            assertEquals(p[3 * i] > 1 ? 1 : 0, cloud.labels()[i], p[3 * i] == 1f ? 1 : 0);
            assertArrayEquals(new float[] {0, 0, 1}, Arrays.copyOfRange(cloud.normals(), 3 * i, 3 * i + 3), 1e-6f);
            big += cloud.labels()[i];
        }
        // 3/4 of the area; binomial standard deviation ~0.003
        assertEquals(0.75, big / (double) cloud.size(), 0.015);
        // uniform inside: the mean x over the big panel is its centre, 2.5
        double sum = 0;
        for (int i = 0; i < cloud.size(); i++) {
            if (cloud.labels()[i] == 1) {
                sum += p[3 * i];
            }
        }
        assertEquals(2.5, sum / big, 0.03);
    }

    @Test
    public void pointCloudsAreResampledToTheRequestedCount() {
        float[] p = new float[3 * 10];
        for (int i = 0; i < 10; i++) {
            p[3 * i] = i;
        }
        Mesh cloud = new Mesh("cloud", p, new int[0], null, null, null, List.of(), UpAxis.Y);
        PointCloud fewer = new SurfaceSampler(4).sample(cloud, 3);
        assertEquals(4, fewer.size());
        assertEquals(4, Arrays.stream(xs(fewer)).distinct().count()); // a subset, no repeats
        PointCloud more = new SurfaceSampler(25).sample(cloud, 3);
        assertEquals(25, more.size());
        assertEquals(10, Arrays.stream(xs(more)).distinct().count()); // every point, then repeats
        assertNull(more.labels());
    }

    private static double[] xs(PointCloud c) {
        double[] out = new double[c.size()];
        for (int i = 0; i < c.size(); i++) {
            out[i] = c.positions()[3 * i];
        }
        return out;
    }

    @Test
    public void normalizationKeepsExtentAndUpAxis() {
        Normalizer normalizer = new Normalizer();
        Mesh yUp = twoPanels(UpAxis.Y);
        ShapeFrame frame = normalizer.frame(yUp);
        assertEquals(4, frame.width(), 0);
        assertEquals(1, frame.height(), 0);
        assertEquals(0, frame.depth(), 0);
        assertEquals(Math.sqrt(4 + 0.25), frame.radius(), 1e-9);
        PointCloud unit = normalizer.apply(frame, new SurfaceSampler(1000).sample(yUp, 2));
        for (int i = 0; i < unit.size(); i++) {
            float x = unit.positions()[3 * i], y = unit.positions()[3 * i + 1], z = unit.positions()[3 * i + 2];
            assertTrue(x * x + y * y + z * z <= 1 + 1e-5);
        }

        // the same panels in a Z-up file: "height" is the z extent and +Z becomes +Y
        Mesh zUp = twoPanels(UpAxis.Z);
        ShapeFrame zFrame = normalizer.frame(zUp);
        assertEquals(UpAxis.Z, zFrame.upAxis());
        assertEquals(0, zFrame.height(), 0);
        assertEquals(1, zFrame.depth(), 0);
        PointCloud rotated = normalizer.apply(zFrame, new SurfaceSampler(10).sample(zUp, 2));
        assertArrayEquals(new float[] {0, 1, 0}, Arrays.copyOfRange(rotated.normals(), 0, 3), 1e-6f);
    }

    @Test
    public void farthestPointSamplingSpreadsCentres() {
        PointCloud cloud = new SurfaceSampler(2048).sample(twoPanels(UpAxis.Y), 5);
        int[] picked = new FarthestPointSampler().select(cloud, 64);
        assertEquals(64, Arrays.stream(picked).distinct().count());
        // each pick is at least as far from the earlier picks as any later pick is from its predecessors
        float[] p = cloud.positions();
        double previous = Double.MAX_VALUE;
        for (int k = 1; k < picked.length; k++) {
            double nearest = Double.MAX_VALUE;
            for (int j = 0; j < k; j++) {
                nearest = Math.min(nearest, dist2(p, picked[k], picked[j]));
            }
            assertTrue(nearest <= previous + 1e-9);
            previous = nearest;
            // and no point of the cloud is farther from the picks so far than the pick itself
            for (int i = 0; i < cloud.size(); i++) {
                double ni = Double.MAX_VALUE;
                for (int j = 0; j < k; j++) {
                    ni = Math.min(ni, dist2(p, i, picked[j]));
                }
                assertTrue(ni <= nearest + 1e-9);
            }
        }
    }

    @Test
    public void patchesAreTheExactNearestNeighbours() {
        PointCloud cloud = new SurfaceSampler(1024).sample(twoPanels(UpAxis.Y), 9);
        int[] centres = new FarthestPointSampler().select(cloud, 32);
        Patches patches = new PatchGrouper(16).group(cloud, centres);
        float[] p = cloud.positions();
        for (int c = 0; c < centres.length; c++) {
            int[] members = Arrays.copyOfRange(patches.members(), 16 * c, 16 * c + 16);
            assertEquals(centres[c], members[0]);
            assertEquals(16, Arrays.stream(members).distinct().count());
            double farthestMember = 0;
            for (int k = 1; k < 16; k++) {
                assertTrue(dist2(p, centres[c], members[k]) >= dist2(p, centres[c], members[k - 1]));
                farthestMember = dist2(p, centres[c], members[k]);
            }
            int closerOutside = 0;
            for (int i = 0; i < cloud.size(); i++) {
                final int point = i;
                if (Arrays.stream(members).noneMatch(m -> m == point) && dist2(p, centres[c], i) < farthestMember) {
                    closerOutside++;
                }
            }
            assertEquals(0, closerOutside);
        }
        float[] features = patches.features();
        assertEquals(32 * 16 * Patches.CHANNELS, features.length);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1}, Arrays.copyOfRange(features, 0, 6), 1e-6f);
        assertEquals(32, patches.patchLabels().length);
    }

    @Test
    public void pipelineIsDeterministic() {
        GeometryPipeline pipeline = new GeometryPipeline(SamplingConfig.DEFAULTS);
        GeometryPipeline.Shape a = pipeline.process(twoPanels(UpAxis.Y), 42);
        GeometryPipeline.Shape b = pipeline.process(twoPanels(UpAxis.Y), 42);
        assertArrayEquals(a.patches().features(), b.patches().features(), 0f);
        assertArrayEquals(a.patches().members(), b.patches().members());
        assertEquals(128, a.patches().patchCount());
    }

    private static double dist2(float[] p, int a, int b) {
        double dx = p[3 * a] - p[3 * b], dy = p[3 * a + 1] - p[3 * b + 1], dz = p[3 * a + 2] - p[3 * b + 2];
        return dx * dx + dy * dy + dz * dz;
    }
}
