package org.align3d.mesh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Vertex and triangle buffers for the text formats, whose counts are known only at the end (OBJ) or may be
 * lies (polygon fans in PLY and OFF). Growth stops at the limits, so memory stays bounded by them.
 */
final class GrowableMesh {

    private final String source;
    private final MeshLimits limits;
    float[] positions;
    int vertexCount;
    int[] triangles;
    int faceCount;
    int[] faceParts;
    final List<String> partNames = new ArrayList<>();

    GrowableMesh(String source, MeshLimits limits, int expectedVertices, int expectedFaces, boolean parts) {
        this.source = source;
        this.limits = limits;
        // Capacity never exceeds the limits, so growth is where the limits are enforced.
        int vertices = Math.max(1, Math.min(expectedVertices, limits.maxVertices()));
        int faces = Math.max(1, Math.min(expectedFaces, limits.maxFaces()));
        this.positions = new float[3 * vertices];
        this.triangles = new int[3 * faces];
        this.faceParts = parts ? new int[faces] : null;
    }

    void addVertex(float x, float y, float z) throws MeshReadException {
        if (3 * vertexCount + 3 > positions.length) {
            if (vertexCount >= limits.maxVertices()) {
                throw new MeshReadException(source, "has more than " + limits.maxVertices() + " vertices (the limit)");
            }
            positions = Arrays.copyOf(positions, (int) Math.min(3L * limits.maxVertices(), 2L * positions.length));
        }
        positions[3 * vertexCount] = x;
        positions[3 * vertexCount + 1] = y;
        positions[3 * vertexCount + 2] = z;
        vertexCount++;
    }

    void addTriangle(int a, int b, int c, int part) throws MeshReadException {
        if (3 * faceCount + 3 > triangles.length) {
            if (faceCount >= limits.maxFaces()) {
                throw new MeshReadException(source, "has more than " + limits.maxFaces() + " triangles (the limit)");
            }
            triangles = Arrays.copyOf(triangles, (int) Math.min(3L * limits.maxFaces(), 2L * triangles.length));
        }
        triangles[3 * faceCount] = a;
        triangles[3 * faceCount + 1] = b;
        triangles[3 * faceCount + 2] = c;
        if (faceParts != null) {
            if (faceCount >= faceParts.length) {
                faceParts = Arrays.copyOf(faceParts, triangles.length / 3);
            }
            faceParts[faceCount] = part;
        }
        faceCount++;
    }

    /** Triangulates a convex polygon as a fan around its first corner. */
    void addPolygon(int[] corners, int count, int part) throws MeshReadException {
        for (int i = 1; i + 1 < count; i++) {
            addTriangle(corners[0], corners[i], corners[i + 1], part);
        }
    }

    Mesh finish(UpAxis up) throws MeshReadException {
        return MeshAssembly.finish(source, positions, vertexCount, triangles, faceCount, null, faceParts, null,
                partNames, up);
    }
}
