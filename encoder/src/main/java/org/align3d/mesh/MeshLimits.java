package org.align3d.mesh;

/**
 * Upper bounds a mesh file must respect before any of it is decoded, so a hostile or broken file cannot exhaust
 * the heap or keep a node busy. Readers compare the counts a header declares with these limits (and with the
 * bytes actually present) before they allocate.
 *
 * <p>Vertices are counted as stored: STL and non-indexed glTF primitives hold three vertices per triangle.
 *
 * @param maxBytes    largest file accepted, external glTF buffers included
 * @param maxVertices most vertices a mesh may hold (after glTF instancing)
 * @param maxFaces    most triangles a mesh may hold after polygons are triangulated
 */
public record MeshLimits(long maxBytes, int maxVertices, int maxFaces) {

    /** 256 MiB, 16 Mi vertices (a 256 MiB binary STL holds 16 M soup vertices) and 10 M triangles. */
    public static final MeshLimits DEFAULTS = new MeshLimits(256L << 20, 16 << 20, 10_000_000);

    public MeshLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("mesh limit max bytes must be >= 1, got " + maxBytes);
        }
        if (maxVertices < 1) {
            throw new IllegalArgumentException("mesh limit max vertices must be >= 1, got " + maxVertices);
        }
        if (maxFaces < 1) {
            throw new IllegalArgumentException("mesh limit max faces must be >= 1, got " + maxFaces);
        }
    }

    void checkVertices(String source, long declared) throws MeshReadException {
        if (declared < 0 || declared > maxVertices) {
            throw new MeshReadException(source, "declares " + declared + " vertices; the limit is " + maxVertices);
        }
    }

    void checkFaces(String source, long declared) throws MeshReadException {
        if (declared < 0 || declared > maxFaces) {
            throw new MeshReadException(source, "declares " + declared + " faces; the limit is " + maxFaces);
        }
    }

    void checkBytes(String source, long bytes) throws MeshReadException {
        if (bytes > maxBytes) {
            throw new MeshReadException(source, "is " + bytes + " bytes; the limit is " + maxBytes);
        }
    }
}
