package org.align3d.mesh;

import java.util.Arrays;
import java.util.List;

/**
 * The checks every reader's output goes through, in one place: finite coordinates, indices in range, parts in
 * range, and zero-area triangles dropped (a mesh fails only when none remain), so all formats fail alike.
 */
final class MeshAssembly {

    /**
     * sin of the smallest angle between two edges for a triangle to count as having area. Below this, float
     * rounding dominates and the normal is noise.
     */
    private static final double MIN_SINE = 1e-6;

    private MeshAssembly() {
    }

    /**
     * Builds the mesh from arrays that may be longer than the counts say (growable buffers).
     */
    static Mesh finish(String source, float[] positions, int vertexCount, int[] triangles, int faceCount,
                       float[] normals, int[] faceParts, int[] vertexParts, List<String> partNames, UpAxis up)
            throws MeshReadException {
        if (vertexCount == 0) {
            throw new MeshReadException(source, "contains no vertices");
        }
        float[] p = positions.length == vertexCount * 3 ? positions : Arrays.copyOf(positions, vertexCount * 3);
        for (int i = 0; i < p.length; i++) {
            if (!Float.isFinite(p[i])) {
                throw new MeshReadException(source, "vertex " + (i / 3) + " has a non-finite coordinate (" + p[i] + ")");
            }
        }
        float[] n = normals == null ? null
                : normals.length == vertexCount * 3 ? normals : Arrays.copyOf(normals, vertexCount * 3);
        if (n != null) {
            for (int i = 0; i < n.length; i++) {
                if (!Float.isFinite(n[i])) {
                    throw new MeshReadException(source, "vertex " + (i / 3) + " has a non-finite normal (" + n[i] + ")");
                }
            }
        }
        int parts = partNames.size();
        if (vertexParts != null) {
            for (int i = 0; i < vertexCount; i++) {
                if (vertexParts[i] < 0 || vertexParts[i] >= parts) {
                    throw new MeshReadException(source, "vertex " + i + " has part " + vertexParts[i] + " but there are "
                            + parts + " part names");
                }
            }
        }
        int[] kept = new int[faceCount * 3];
        int[] keptParts = faceParts == null ? null : new int[faceCount];
        int k = 0;
        for (int f = 0; f < faceCount; f++) {
            int a = triangles[3 * f], b = triangles[3 * f + 1], c = triangles[3 * f + 2];
            if (a < 0 || b < 0 || c < 0 || a >= vertexCount || b >= vertexCount || c >= vertexCount) {
                throw new MeshReadException(source, "face " + f + " refers to vertex " + outOfRange(a, b, c, vertexCount)
                        + " but there are " + vertexCount + " vertices");
            }
            if (faceParts != null && (faceParts[f] < 0 || faceParts[f] >= parts)) {
                throw new MeshReadException(source, "face " + f + " has part " + faceParts[f] + " but there are " + parts
                        + " part names");
            }
            if (hasArea(p, a, b, c)) {
                kept[3 * k] = a;
                kept[3 * k + 1] = b;
                kept[3 * k + 2] = c;
                if (keptParts != null) {
                    keptParts[k] = faceParts[f];
                }
                k++;
            }
        }
        if (faceCount > 0 && k == 0) {
            throw new MeshReadException(source, "all " + faceCount + " faces have zero area");
        }
        int[] tris = k == faceCount ? kept : Arrays.copyOf(kept, 3 * k);
        int[] fp = keptParts == null ? null : k == faceCount ? keptParts : Arrays.copyOf(keptParts, k);
        int[] vp = vertexParts == null ? null
                : vertexParts.length == vertexCount ? vertexParts : Arrays.copyOf(vertexParts, vertexCount);
        return new Mesh(source, p, tris, n, fp, vp, partNames, up);
    }

    private static int outOfRange(int a, int b, int c, int count) {
        if (a < 0 || a >= count) {
            return a;
        }
        return b < 0 || b >= count ? b : c;
    }

    static boolean hasArea(float[] p, int a, int b, int c) {
        // differences in double: in float, coordinates near Float.MAX_VALUE overflow and every face seems to have none
        double ux = (double) p[3 * b] - p[3 * a];
        double uy = (double) p[3 * b + 1] - p[3 * a + 1];
        double uz = (double) p[3 * b + 2] - p[3 * a + 2];
        double vx = (double) p[3 * c] - p[3 * a];
        double vy = (double) p[3 * c + 1] - p[3 * a + 1];
        double vz = (double) p[3 * c + 2] - p[3 * a + 2];
        double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
        double cross2 = cx * cx + cy * cy + cz * cz;
        double uu = ux * ux + uy * uy + uz * uz, vv = vx * vx + vy * vy + vz * vz;
        return cross2 > 0 && cross2 > MIN_SINE * MIN_SINE * uu * vv;
    }
}
