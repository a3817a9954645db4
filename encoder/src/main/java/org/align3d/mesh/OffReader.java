package org.align3d.mesh;

/**
 * Object File Format (Geomview, also the CGAL and ModelNet meshes). Header keyword {@code OFF} with the optional
 * prefixes {@code ST}, {@code C}, {@code N} (texture coordinates, colours and normals per vertex, skipped here);
 * the counts may follow on the same line. {@code 4OFF}, {@code nOFF} and binary OFF are refused. Faces are
 * {@code n i1 ... in [colour]}, fan-triangulated. {@code #} starts a comment.
 */
public final class OffReader implements MeshReader {

    /** True when the first token of the data is an OFF header keyword. */
    static boolean isOffKeyword(String token) {
        return token.matches("(ST)?C?N?4?n?OFF");
    }

    @Override
    public Mesh read(MeshSource source, MeshLimits limits) throws MeshReadException {
        String name = source.name();
        byte[] data = MeshReader.checkedBytes(source, limits);
        TextScanner in = new TextScanner(name, data, 0);
        if (!in.skipEmptyLines((byte) '#') || !in.token() || !isOffKeyword(in.tokenText())) {
            throw new MeshReadException(name, "does not start with an OFF header keyword");
        }
        String keyword = in.tokenText();
        if (keyword.contains("4") || keyword.contains("n")) {
            throw in.error("only 3D OFF is supported, not " + keyword);
        }
        if (in.token()) {
            if (in.tokenIsIgnoreCase("BINARY")) {
                throw in.error("binary OFF is not supported");
            }
            in.unreadToken(); // "OFF nv nf ne" on one line
        } else {
            in.nextLine();
            if (!in.skipEmptyLines((byte) '#')) {
                throw in.error("missing the vertex and face counts");
            }
        }
        long vertices = in.nextLong("the vertex count");
        long faces = in.nextLong("the face count");
        limits.checkVertices(name, vertices);
        limits.checkFaces(name, faces);
        // A vertex line needs at least 6 bytes ("0 0 0\n"), a face line at least 8 ("3 0 1 2\n").
        long minimum = 6 * vertices + 8 * faces;
        if (minimum > in.remaining()) {
            throw in.error("the header declares " + vertices + " vertices and " + faces + " faces, which need at least "
                    + minimum + " bytes, but only " + in.remaining() + " remain (truncated or absurd counts)");
        }
        in.nextLine();
        GrowableMesh mesh = new GrowableMesh(name, limits, (int) vertices, (int) Math.min(2 * faces, limits.maxFaces()),
                false);
        for (long v = 0; v < vertices; v++) {
            if (!in.skipEmptyLines((byte) '#')) {
                throw in.error("file ends after " + v + " of " + vertices + " vertices");
            }
            float x = in.nextFloat("vertex x");
            float y = in.nextFloat("vertex y");
            float z = in.nextFloat("vertex z");
            mesh.addVertex(x, y, z);
            in.nextLine();
        }
        int[] corners = new int[16];
        for (long f = 0; f < faces; f++) {
            if (!in.skipEmptyLines((byte) '#')) {
                throw in.error("file ends after " + f + " of " + faces + " faces");
            }
            long n = in.nextLong("the face corner count");
            if (n < 3 || n > in.remaining() / 2) {
                throw in.error("face " + f + " has an invalid corner count " + n);
            }
            if (n > corners.length) {
                corners = new int[(int) n];
            }
            for (int k = 0; k < n; k++) {
                long index = in.nextLong("a face vertex index");
                if (index < 0 || index >= vertices) {
                    throw in.error("face " + f + " refers to vertex " + index + " but there are " + vertices
                            + " vertices");
                }
                corners[k] = (int) index;
            }
            mesh.addPolygon(corners, (int) n, 0);
            in.nextLine();
        }
        if (faces == 0) {
            return MeshAssembly.finish(name, mesh.positions, mesh.vertexCount, new int[0], 0, null, null, null,
                    java.util.List.of(), MeshFormat.OFF.assumedUpAxis());
        }
        return mesh.finish(MeshFormat.OFF.assumedUpAxis());
    }
}
