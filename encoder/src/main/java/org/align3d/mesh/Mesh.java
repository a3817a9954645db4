package org.align3d.mesh;

import java.util.List;
import java.util.Objects;

/**
 * A triangle mesh, or a bare point cloud when it has no triangles, as every reader returns it and every writer
 * takes it. Arrays are shared, not copied: treat them as read-only.
 *
 * <p>Parts: a mesh may label each triangle (or, for a point cloud, each vertex) with a part, an index into
 * {@link #partNames()}. Readers fill parts from OBJ groups, a PLY {@code part} property and glTF mesh names;
 * the dataset generator writes its part labels the same way, so part labels travel inside the mesh file.
 *
 * @param source        file name or asset id, for messages
 * @param positions     x, y, z per vertex
 * @param triangles     three vertex indices per triangle, counter-clockwise seen from outside
 * @param vertexNormals x, y, z per vertex, or {@code null}; only point clouds need them
 * @param faceParts     part index per triangle, or {@code null}
 * @param vertexParts   part index per vertex (point clouds), or {@code null}
 * @param partNames     names of the parts, indexed by the part arrays; empty when there are none
 * @param upAxis        the up axis: the one the file's format implies, unless the asset's owner declared another
 */
public record Mesh(String source, float[] positions, int[] triangles, float[] vertexNormals, int[] faceParts,
                   int[] vertexParts, List<String> partNames, UpAxis upAxis) {

    public Mesh {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(triangles, "triangles");
        Objects.requireNonNull(upAxis, "upAxis");
        partNames = List.copyOf(partNames);
        if (positions.length % 3 != 0 || triangles.length % 3 != 0) {
            throw new IllegalArgumentException(source + ": positions and triangles must come in threes");
        }
        if (vertexNormals != null && vertexNormals.length != positions.length) {
            throw new IllegalArgumentException(source + ": one normal per vertex expected");
        }
        if (faceParts != null && faceParts.length != triangles.length / 3) {
            throw new IllegalArgumentException(source + ": one part per triangle expected");
        }
        if (vertexParts != null && vertexParts.length != positions.length / 3) {
            throw new IllegalArgumentException(source + ": one part per vertex expected");
        }
    }

    /** A mesh without normals whose parts are per triangle. */
    public static Mesh of(String source, float[] positions, int[] triangles, int[] faceParts, List<String> partNames,
                          UpAxis upAxis) {
        return new Mesh(source, positions, triangles, null, faceParts, null, partNames, upAxis);
    }

    /** This mesh with another up axis (the arrays are shared). */
    public Mesh withUpAxis(UpAxis axis) {
        return new Mesh(source, positions, triangles, vertexNormals, faceParts, vertexParts, partNames, axis);
    }

    public int vertexCount() {
        return positions.length / 3;
    }

    public int faceCount() {
        return triangles.length / 3;
    }

    public boolean isPointCloud() {
        return triangles.length == 0;
    }

    public boolean hasParts() {
        return faceParts != null || vertexParts != null;
    }
}
