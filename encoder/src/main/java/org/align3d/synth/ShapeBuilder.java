package org.align3d.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.UpAxis;

/**
 * Builds a closed, outward-wound triangle mesh from primitives, each tagged with the part it belongs to.
 * Units are metres, +Y is up, the object stands on y = 0 (the generator's convention, not the readers').
 */
public final class ShapeBuilder {

    static final int SEGMENTS = 16;

    private float[] positions = new float[3 * 1024];
    private int vertices;
    private int[] triangles = new int[3 * 2048];
    private int[] parts = new int[2048];
    private int faces;
    private final Map<String, Integer> partIndex = new LinkedHashMap<>();
    private int part = -1;
    private final double[] tmp = new double[3];

    /** Following primitives belong to this part; parts are numbered in order of first use. */
    public ShapeBuilder part(String name) {
        part = partIndex.computeIfAbsent(name, k -> partIndex.size());
        return this;
    }

    private int vertex(Pose pose, double x, double y, double z) {
        pose.apply(x, y, z, tmp);
        if (3 * vertices + 3 > positions.length) {
            positions = Arrays.copyOf(positions, 2 * positions.length);
        }
        positions[3 * vertices] = (float) tmp[0];
        positions[3 * vertices + 1] = (float) tmp[1];
        positions[3 * vertices + 2] = (float) tmp[2];
        return vertices++;
    }

    private void triangle(int a, int b, int c) {
        if (part < 0) {
            throw new IllegalStateException("call part(name) before adding geometry");
        }
        if (a == b || b == c || a == c) {
            return;
        }
        if (3 * faces + 3 > triangles.length) {
            triangles = Arrays.copyOf(triangles, 2 * triangles.length);
            parts = Arrays.copyOf(parts, triangles.length / 3);
        }
        triangles[3 * faces] = a;
        triangles[3 * faces + 1] = b;
        triangles[3 * faces + 2] = c;
        parts[faces] = part;
        faces++;
    }

    /** An axis-aligned box centred at (x, y, z). */
    public ShapeBuilder box(double x, double y, double z, double sx, double sy, double sz) {
        return box(Pose.at(x, y, z), sx, sy, sz);
    }

    /** A box centred on the pose's origin. */
    public ShapeBuilder box(Pose pose, double sx, double sy, double sz) {
        double hx = sx / 2, hy = sy / 2, hz = sz / 2;
        int[] v = new int[8];
        for (int i = 0; i < 8; i++) {
            double x = (i == 1 || i == 2 || i == 5 || i == 6) ? hx : -hx;
            double y = (i == 2 || i == 3 || i == 6 || i == 7) ? hy : -hy;
            double z = i >= 4 ? hz : -hz;
            v[i] = vertex(pose, x, y, z);
        }
        int[][] t = {{0, 2, 1}, {0, 3, 2}, {4, 5, 6}, {4, 6, 7}, {0, 1, 5}, {0, 5, 4}, {3, 7, 6}, {3, 6, 2},
            {0, 4, 7}, {0, 7, 3}, {1, 2, 6}, {1, 6, 5}};
        for (int[] f : t) {
            triangle(v[f[0]], v[f[1]], v[f[2]]);
        }
        return this;
    }

    /**
     * A capped frustum along the pose's +Y from 0 to {@code height}; a zero radius makes a cone, equal radii a
     * cylinder.
     */
    public ShapeBuilder frustum(Pose pose, double bottomRadius, double topRadius, double height) {
        double[] xs = new double[SEGMENTS];
        double[] zs = new double[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            double a = 2 * Math.PI * i / SEGMENTS;
            xs[i] = Math.cos(a);
            zs[i] = Math.sin(a);
        }
        return extrude(pose, xs, zs, bottomRadius, topRadius, height);
    }

    /** A vertical cylinder standing on (x, y, z). */
    public ShapeBuilder cylinder(double x, double y, double z, double radius, double height) {
        return frustum(Pose.at(x, y, z), radius, radius, height);
    }

    /** A cylinder from one point to another. */
    public ShapeBuilder rod(double x0, double y0, double z0, double x1, double y1, double z1, double radius) {
        return rod(x0, y0, z0, x1, y1, z1, radius, radius);
    }

    /** A rod tapering from {@code radius0} at the first point to {@code radius1} at the second (a limb, a leaf). */
    public ShapeBuilder rod(double x0, double y0, double z0, double x1, double y1, double z1, double radius0,
            double radius1) {
        double dx = x1 - x0, dy = y1 - y0, dz = z1 - z0;
        return frustum(Pose.along(x0, y0, z0, x1, y1, z1), radius0, radius1, Math.sqrt(dx * dx + dy * dy + dz * dz));
    }

    /**
     * A prism over an outline in the pose's XZ plane (star-shaped around its centroid, listed from +X towards
     * +Z), along +Y from 0 to {@code height}, with the outline scaled by {@code bottomScale} and {@code topScale}.
     */
    public ShapeBuilder extrude(Pose pose, double[] xs, double[] zs, double bottomScale, double topScale, double height) {
        int n = xs.length;
        double cx = 0, cz = 0;
        for (int i = 0; i < n; i++) {
            cx += xs[i] / n;
            cz += zs[i] / n;
        }
        int[] bottom = new int[n];
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            bottom[i] = bottomScale > 0 ? vertex(pose, xs[i] * bottomScale, 0, zs[i] * bottomScale) : -1;
            top[i] = topScale > 0 ? vertex(pose, xs[i] * topScale, height, zs[i] * topScale) : -1;
        }
        int bottomCentre = vertex(pose, cx * bottomScale, 0, cz * bottomScale);
        int topCentre = vertex(pose, cx * topScale, height, cz * topScale);
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            int b0 = bottom[i] < 0 ? bottomCentre : bottom[i], b1 = bottom[j] < 0 ? bottomCentre : bottom[j];
            int t0 = top[i] < 0 ? topCentre : top[i], t1 = top[j] < 0 ? topCentre : top[j];
            triangle(b0, t0, b1);
            triangle(b1, t0, t1);
            if (bottom[i] >= 0) {
                triangle(bottomCentre, bottom[i], bottom[j]);
            }
            if (top[i] >= 0) {
                triangle(topCentre, top[j], top[i]);
            }
        }
        return this;
    }

    /**
     * {@link #extrude} made hollow and open at the top, like an open hull or a tray: a wall {@code wall} thick (the
     * outline inset towards its centroid), a floor {@code wall} above the base and a flat rim at the top. Closed and
     * outward-wound: the inner surface faces the cavity.
     */
    public ShapeBuilder openPrism(Pose pose, double[] xs, double[] zs, double bottomScale, double topScale, double height, double wall) {
        int n = xs.length;
        double cx = 0, cz = 0;
        for (int i = 0; i < n; i++) {
            cx += xs[i] / n;
            cz += zs[i] / n;
        }
        double floorScale = bottomScale + (topScale - bottomScale) * wall / height;
        int[] bottom = new int[n], top = new int[n], floor = new int[n], rim = new int[n];
        for (int i = 0; i < n; i++) {
            bottom[i] = vertex(pose, xs[i] * bottomScale, 0, zs[i] * bottomScale);
            top[i] = vertex(pose, xs[i] * topScale, height, zs[i] * topScale);
            double reach = Math.hypot(xs[i] - cx, zs[i] - cz);
            double floorInset = Math.max(0.1, 1 - wall / Math.max(1e-9, reach * floorScale));
            double topInset = Math.max(0.1, 1 - wall / Math.max(1e-9, reach * topScale));
            floor[i] = vertex(pose, (cx + (xs[i] - cx) * floorInset) * floorScale, wall, (cz + (zs[i] - cz) * floorInset) * floorScale);
            rim[i] = vertex(pose, (cx + (xs[i] - cx) * topInset) * topScale, height, (cz + (zs[i] - cz) * topInset) * topScale);
        }
        int bottomCentre = vertex(pose, cx * bottomScale, 0, cz * bottomScale);
        int floorCentre = vertex(pose, cx * floorScale, wall, cz * floorScale);
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            triangle(bottom[i], top[i], bottom[j]); // outer wall
            triangle(bottom[j], top[i], top[j]);
            triangle(floor[i], floor[j], rim[i]); // inner wall, facing the cavity
            triangle(floor[j], rim[j], rim[i]);
            triangle(bottomCentre, bottom[i], bottom[j]); // base, facing down
            triangle(floorCentre, floor[j], floor[i]); // floor, facing up
            triangle(rim[i], top[j], top[i]); // rim, facing up
            triangle(rim[i], rim[j], top[j]);
        }
        return this;
    }

    /**
     * A bent tube through points given as x, y, z triples: a rod per segment and a ball at every inner joint, so
     * tails, trunks and cables curve.
     */
    public ShapeBuilder tube(double radius, double... xyz) {
        if (xyz.length % 3 != 0 || xyz.length < 6) {
            throw new IllegalArgumentException("a tube needs two or more x, y, z points");
        }
        for (int i = 0; i + 5 < xyz.length; i += 3) {
            rod(xyz[i], xyz[i + 1], xyz[i + 2], xyz[i + 3], xyz[i + 4], xyz[i + 5], radius);
            if (i > 0) {
                sphere(xyz[i], xyz[i + 1], xyz[i + 2], radius, radius, radius);
            }
        }
        return this;
    }

    /**
     * A solid of revolution about the pose's +Y axis: a closed profile of {@code radii[i]} at {@code heights[i]},
     * listed from bottom to top (heights increasing), capped at both ends; a zero end radius closes it to a point.
     */
    public ShapeBuilder lathe(Pose pose, double[] heights, double[] radii) {
        if (heights.length != radii.length || heights.length < 2) {
            throw new IllegalArgumentException("a lathe profile needs two or more (height, radius) pairs");
        }
        int n = heights.length;
        int[][] ring = new int[n][SEGMENTS];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < SEGMENTS; i++) {
                double a = 2 * Math.PI * i / SEGMENTS;
                ring[j][i] = radii[j] > 0
                        ? vertex(pose, radii[j] * Math.cos(a), heights[j], radii[j] * Math.sin(a))
                        : (i == 0 ? vertex(pose, 0, heights[j], 0) : ring[j][0]);
            }
        }
        int bottomCentre = radii[0] > 0 ? vertex(pose, 0, heights[0], 0) : -1;
        int topCentre = radii[n - 1] > 0 ? vertex(pose, 0, heights[n - 1], 0) : -1;
        for (int i = 0; i < SEGMENTS; i++) {
            int k = (i + 1) % SEGMENTS;
            for (int j = 0; j + 1 < n; j++) {
                triangle(ring[j][i], ring[j + 1][i], ring[j][k]);
                triangle(ring[j][k], ring[j + 1][i], ring[j + 1][k]);
            }
            if (radii[0] > 0) {
                triangle(bottomCentre, ring[0][i], ring[0][k]);
            }
            if (radii[n - 1] > 0) {
                triangle(topCentre, ring[n - 1][k], ring[n - 1][i]);
            }
        }
        return this;
    }

    /**
     * A hollow vessel of revolution about the pose's +Y axis, open at the top, as real bowls, cups and vases are
     * (their inside is as much of their surface as their outside): the outer profile of {@code radii[i]} at
     * {@code heights[i]} (bottom to top), a wall {@code wall} thick, an inner surface {@code wall} inside the outer
     * one, a flat rim joining the two at the top, and at the bottom either a floor {@code wall} above the base
     * ({@code floor}) or a second rim, which makes an open tube (a neck). Closed and outward-wound: the inner surface
     * faces the cavity.
     */
    public ShapeBuilder vessel(Pose pose, double[] heights, double[] radii, double wall, boolean floor) {
        int n = heights.length;
        if (radii.length != n || n < 2) {
            throw new IllegalArgumentException("a vessel profile needs two or more (height, radius) pairs");
        }
        double base = heights[0] + (floor ? wall : 0);
        List<double[]> inner = new ArrayList<>(); // (height, radius) of the inner profile, bottom to top
        inner.add(new double[] {base, Math.max(wall * 0.5, radiusAt(heights, radii, base) - wall)});
        for (int j = 0; j < n; j++) {
            if (heights[j] > base) {
                inner.add(new double[] {heights[j], Math.max(wall * 0.5, radii[j] - wall)});
            }
        }
        int[][] outerRing = new int[n][];
        for (int j = 0; j < n; j++) {
            outerRing[j] = ring(pose, heights[j], radii[j]);
        }
        int[][] innerRing = new int[inner.size()][];
        for (int j = 0; j < inner.size(); j++) {
            innerRing[j] = ring(pose, inner.get(j)[0], inner.get(j)[1]);
        }
        int centre = floor ? vertex(pose, 0, heights[0], 0) : -1;
        int floorCentre = floor ? vertex(pose, 0, base, 0) : -1;
        int last = innerRing.length - 1;
        for (int i = 0; i < SEGMENTS; i++) {
            int k = (i + 1) % SEGMENTS;
            for (int j = 0; j + 1 < n; j++) { // outer wall, facing out
                triangle(outerRing[j][i], outerRing[j + 1][i], outerRing[j][k]);
                triangle(outerRing[j][k], outerRing[j + 1][i], outerRing[j + 1][k]);
            }
            for (int j = 0; j < last; j++) { // inner wall, facing the axis
                triangle(innerRing[j][i], innerRing[j][k], innerRing[j + 1][i]);
                triangle(innerRing[j][k], innerRing[j + 1][k], innerRing[j + 1][i]);
            }
            // the top rim, facing up
            triangle(innerRing[last][i], outerRing[n - 1][k], outerRing[n - 1][i]);
            triangle(innerRing[last][i], innerRing[last][k], outerRing[n - 1][k]);
            if (floor) { // the base facing down, the floor facing up into the cavity
                triangle(centre, outerRing[0][i], outerRing[0][k]);
                triangle(floorCentre, innerRing[0][k], innerRing[0][i]);
            } else { // the bottom rim, facing down
                triangle(innerRing[0][i], outerRing[0][i], outerRing[0][k]);
                triangle(innerRing[0][i], outerRing[0][k], innerRing[0][k]);
            }
        }
        return this;
    }

    private int[] ring(Pose pose, double height, double radius) {
        int[] ring = new int[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            double a = 2 * Math.PI * i / SEGMENTS;
            ring[i] = vertex(pose, radius * Math.cos(a), height, radius * Math.sin(a));
        }
        return ring;
    }

    /** A {@link #lathe} or {@link #vessel} profile's radius at {@code height}, linearly between its points. */
    public static double radiusAt(double[] heights, double[] radii, double height) {
        for (int j = 0; j + 1 < heights.length; j++) {
            if (height <= heights[j + 1]) {
                double t = heights[j + 1] > heights[j] ? (height - heights[j]) / (heights[j + 1] - heights[j]) : 0;
                return radii[j] + Math.max(0, Math.min(1, t)) * (radii[j + 1] - radii[j]);
            }
        }
        return radii[radii.length - 1];
    }

    /** A prism over a regular polygon or star of {@code points} tips, radius 1 scaled by the radii. */
    public ShapeBuilder star(Pose pose, int points, double innerRatio, double radius, double height) {
        double[] xs = new double[2 * points];
        double[] zs = new double[2 * points];
        for (int i = 0; i < 2 * points; i++) {
            double a = Math.PI * i / points;
            double r = (i % 2 == 0) ? 1 : innerRatio;
            xs[i] = r * Math.cos(a);
            zs[i] = r * Math.sin(a);
        }
        return extrude(pose, xs, zs, radius, radius, height);
    }

    /** An ellipsoid centred at (x, y, z). */
    public ShapeBuilder sphere(double x, double y, double z, double rx, double ry, double rz) {
        return sphere(Pose.at(x, y, z), rx, ry, rz);
    }

    public ShapeBuilder sphere(Pose pose, double rx, double ry, double rz) {
        int rings = SEGMENTS / 2;
        int north = vertex(pose, 0, ry, 0);
        int[][] ring = new int[rings - 1][SEGMENTS];
        for (int j = 1; j < rings; j++) {
            double phi = Math.PI * j / rings;
            for (int i = 0; i < SEGMENTS; i++) {
                double a = 2 * Math.PI * i / SEGMENTS;
                ring[j - 1][i] = vertex(pose, rx * Math.sin(phi) * Math.cos(a), ry * Math.cos(phi),
                        rz * Math.sin(phi) * Math.sin(a));
            }
        }
        int south = vertex(pose, 0, -ry, 0);
        for (int i = 0; i < SEGMENTS; i++) {
            int k = (i + 1) % SEGMENTS;
            triangle(ring[0][i], north, ring[0][k]);
            for (int j = 0; j + 1 < rings - 1; j++) {
                int[] upper = ring[j], lower = ring[j + 1];
                triangle(lower[i], upper[i], lower[k]);
                triangle(lower[k], upper[i], upper[k]);
            }
            triangle(south, ring[rings - 2][i], ring[rings - 2][k]);
        }
        return this;
    }

    /** A torus around the pose's Y axis: a ring of major radius {@code major} and tube radius {@code minor}. */
    public ShapeBuilder torus(Pose pose, double major, double minor) {
        int tube = SEGMENTS / 2;
        int[][] v = new int[tube][SEGMENTS];
        for (int j = 0; j < tube; j++) {
            double phi = 2 * Math.PI * j / tube;
            for (int i = 0; i < SEGMENTS; i++) {
                double a = 2 * Math.PI * i / SEGMENTS;
                double r = major + minor * Math.cos(phi);
                v[j][i] = vertex(pose, r * Math.cos(a), minor * Math.sin(phi), r * Math.sin(a));
            }
        }
        for (int j = 0; j < tube; j++) {
            int jn = (j + 1) % tube;
            for (int i = 0; i < SEGMENTS; i++) {
                int k = (i + 1) % SEGMENTS;
                triangle(v[j][i], v[jn][i], v[j][k]);
                triangle(v[j][k], v[jn][i], v[jn][k]);
            }
        }
        return this;
    }

    /** A wheel: a torus tyre standing upright, its axle along the pose's X axis. */
    public ShapeBuilder wheel(double x, double y, double z, double radius, double width) {
        return torus(Pose.at(x, y, z).rotZ(Math.PI / 2), radius - width / 2, width / 2);
    }

    public int faceCount() {
        return faces;
    }

    public Mesh build(String name) {
        List<String> names = new ArrayList<>(partIndex.keySet());
        return Mesh.of(name, Arrays.copyOf(positions, 3 * vertices), Arrays.copyOf(triangles, 3 * faces),
                Arrays.copyOf(parts, faces), names, UpAxis.Y);
    }
}
