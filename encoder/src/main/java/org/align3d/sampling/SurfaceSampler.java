package org.align3d.sampling;

import java.util.SplittableRandom;
import org.align3d.mesh.Mesh;

/**
 * Samples points uniformly over a mesh's surface: a triangle is chosen with probability proportional to its
 * area, then a uniform point inside it; the point takes the triangle's normal (from its winding) and part.
 * A bare point cloud is resampled instead: a random subset when it has enough points, otherwise every point
 * plus random repeats; points without a normal get one from their neighbours ({@link NormalEstimator}). The
 * same mesh, count and seed always give the same points.
 */
public final class SurfaceSampler {

    private final int points;
    private final NormalEstimator normalEstimator = new NormalEstimator();

    public SurfaceSampler(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("points to sample must be >= 1, got " + points);
        }
        this.points = points;
    }

    public int points() {
        return points;
    }

    public PointCloud sample(Mesh mesh, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return mesh.isPointCloud() ? resample(mesh, random) : sampleSurface(mesh, random);
    }

    private PointCloud sampleSurface(Mesh mesh, SplittableRandom random) {
        float[] p = mesh.positions();
        int[] t = mesh.triangles();
        int faces = mesh.faceCount();
        double[] cumulative = new double[faces];
        double total = 0;
        for (int f = 0; f < faces; f++) {
            total += doubleArea(p, t[3 * f], t[3 * f + 1], t[3 * f + 2]);
            cumulative[f] = total;
        }
        float[] out = new float[3 * points];
        float[] normals = new float[3 * points];
        int[] faceParts = mesh.faceParts();
        int[] labels = faceParts == null ? null : new int[points];
        for (int i = 0; i < points; i++) {
            int f = upperBound(cumulative, random.nextDouble() * total);
            int a = 3 * t[3 * f], b = 3 * t[3 * f + 1], c = 3 * t[3 * f + 2];
            // Uniform in a triangle: fold the unit square onto it (sqrt warping).
            double r1 = Math.sqrt(random.nextDouble());
            double r2 = random.nextDouble();
            double wa = 1 - r1, wb = r1 * (1 - r2), wc = r1 * r2;
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] = (float) (wa * p[a + k] + wb * p[b + k] + wc * p[c + k]);
            }
            faceNormal(p, a, b, c, normals, 3 * i);
            if (labels != null) {
                labels[i] = faceParts[f];
            }
        }
        return new PointCloud(out, normals, labels, mesh.partNames());
    }

    private PointCloud resample(Mesh mesh, SplittableRandom random) {
        int n = mesh.vertexCount();
        int[] chosen = new int[points];
        if (n >= points) {
            // partial Fisher-Yates: the first `points` entries become a uniform subset
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = 0; i < points; i++) {
                int j = i + random.nextInt(n - i);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
                chosen[i] = order[i];
            }
        } else {
            for (int i = 0; i < points; i++) {
                chosen[i] = i < n ? i : random.nextInt(n);
            }
        }
        float[] p = mesh.positions();
        float[] vn = mesh.vertexNormals();
        int[] vp = mesh.vertexParts();
        float[] out = new float[3 * points];
        float[] normals = new float[3 * points];
        int[] labels = vp == null ? null : new int[points];
        for (int i = 0; i < points; i++) {
            int v = chosen[i];
            System.arraycopy(p, 3 * v, out, 3 * i, 3);
            if (vn != null) {
                double x = vn[3 * v], y = vn[3 * v + 1], z = vn[3 * v + 2];
                double len = Math.sqrt(x * x + y * y + z * z);
                if (len > 0) {
                    normals[3 * i] = (float) (x / len);
                    normals[3 * i + 1] = (float) (y / len);
                    normals[3 * i + 2] = (float) (z / len);
                }
            }
            if (labels != null) {
                labels[i] = vp[v];
            }
        }
        return normalEstimator.fill(new PointCloud(out, normals, labels, vp == null ? java.util.List.of() : mesh.partNames()));
    }

    /** The first index whose cumulative area exceeds {@code x}. */
    private static int upperBound(double[] cumulative, double x) {
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Twice the area of the triangle of vertices {@code a}, {@code b}, {@code c} (indices into x, y, z triples). */
    public static double doubleArea(float[] p, int a, int b, int c) {
        double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
        double vx = p[3 * c] - p[3 * a], vy = p[3 * c + 1] - p[3 * a + 1], vz = p[3 * c + 2] - p[3 * a + 2];
        double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
        return Math.sqrt(cx * cx + cy * cy + cz * cz);
    }

    private static void faceNormal(float[] p, int a, int b, int c, float[] out, int at) {
        double ux = p[b] - p[a], uy = p[b + 1] - p[a + 1], uz = p[b + 2] - p[a + 2];
        double vx = p[c] - p[a], vy = p[c + 1] - p[a + 1], vz = p[c + 2] - p[a + 2];
        double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        out[at] = (float) (nx / len);
        out[at + 1] = (float) (ny / len);
        out[at + 2] = (float) (nz / len);
    }
}
