package org.align3d.mesh;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small meshes the tests build themselves. */
final class TestMeshes {

    private TestMeshes() {
    }

    /** A unit cube from (0,0,0) to (1,2,3) with outward winding; its top (y = 2) is part "lid", the rest "box". */
    static Mesh boxWithLid() {
        float[] p = {
            0, 0, 0, 1, 0, 0, 1, 2, 0, 0, 2, 0, // z = 0
            0, 0, 3, 1, 0, 3, 1, 2, 3, 0, 2, 3, // z = 3
        };
        int[] t = {
            0, 2, 1, 0, 3, 2, // back (z = 0)
            4, 5, 6, 4, 6, 7, // front
            0, 1, 5, 0, 5, 4, // bottom
            3, 7, 6, 3, 6, 2, // top
            0, 4, 7, 0, 7, 3, // left
            1, 2, 6, 1, 6, 5, // right
        };
        int[] parts = {0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0};
        return Mesh.of("box", p, t, parts, List.of("box", "lid"), UpAxis.Y);
    }

    static MeshSource source(String name, String text) {
        return MeshSource.inline(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static double area(Mesh mesh) {
        double total = 0;
        float[] p = mesh.positions();
        int[] t = mesh.triangles();
        for (int f = 0; f < mesh.faceCount(); f++) {
            int a = t[3 * f], b = t[3 * f + 1], c = t[3 * f + 2];
            double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
            double vx = p[3 * c] - p[3 * a], vy = p[3 * c + 1] - p[3 * a + 1], vz = p[3 * c + 2] - p[3 * a + 2];
            double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
            total += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
        }
        return total;
    }

    /** Signed volume: positive when every triangle winds counter-clockwise seen from outside. */
    static double signedVolume(Mesh mesh) {
        double v = 0;
        float[] p = mesh.positions();
        int[] t = mesh.triangles();
        for (int f = 0; f < mesh.faceCount(); f++) {
            int a = 3 * t[3 * f], b = 3 * t[3 * f + 1], c = 3 * t[3 * f + 2];
            v += p[a] * (p[b + 1] * p[c + 2] - p[b + 2] * p[c + 1]) - p[a + 1] * (p[b] * p[c + 2] - p[b + 2] * p[c])
                    + p[a + 2] * (p[b] * p[c + 1] - p[b + 1] * p[c]);
        }
        return v / 6;
    }

    /** Area per part name, which survives re-indexing by any writer. */
    static java.util.Map<String, Double> areaByPart(Mesh mesh) {
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        float[] p = mesh.positions();
        int[] t = mesh.triangles();
        for (int f = 0; f < mesh.faceCount(); f++) {
            int a = t[3 * f], b = t[3 * f + 1], c = t[3 * f + 2];
            double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
            double vx = p[3 * c] - p[3 * a], vy = p[3 * c + 1] - p[3 * a + 1], vz = p[3 * c + 2] - p[3 * a + 2];
            double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
            String part = mesh.partNames().get(mesh.faceParts()[f]);
            out.merge(part, 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz), Double::sum);
        }
        return out;
    }
}
