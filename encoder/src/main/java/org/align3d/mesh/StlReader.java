package org.align3d.mesh;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * STL, binary and ASCII. A file is binary when its size is exactly {@code 84 + 50 * n} for the triangle count
 * {@code n} in its header: many binary exporters start the 80-byte header with "solid", so that prefix alone
 * proves nothing. STL stores a triangle soup: three vertices per triangle, normals recomputed from the winding.
 */
public final class StlReader implements MeshReader {

    static final int HEADER_BYTES = 84;
    static final int TRIANGLE_BYTES = 50;

    /** True when the size matches the binary layout for the count in the header. */
    static boolean isBinary(byte[] data) {
        if (data.length < HEADER_BYTES) {
            return false;
        }
        long n = ByteBuffer.wrap(data, 80, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        return data.length == HEADER_BYTES + TRIANGLE_BYTES * n;
    }

    static boolean looksAscii(byte[] data) {
        TextScanner in = new TextScanner("", data, 0);
        if (!in.skipEmptyLines((byte) 0) || !in.token() || !in.tokenIsIgnoreCase("solid")) {
            return false;
        }
        in.nextLine();
        return in.skipEmptyLines((byte) 0) && in.token() && (in.tokenIsIgnoreCase("facet") || in.tokenIsIgnoreCase("endsolid"));
    }

    @Override
    public Mesh read(MeshSource source, MeshLimits limits) throws MeshReadException {
        String name = source.name();
        byte[] data = MeshReader.checkedBytes(source, limits);
        if (isBinary(data)) {
            return readBinary(name, data, limits);
        }
        if (looksAscii(data)) {
            return readAscii(name, data, limits);
        }
        if (data.length >= HEADER_BYTES) {
            long n = ByteBuffer.wrap(data, 80, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            throw new MeshReadException(name, "is neither ASCII STL nor binary STL: a binary header declaring " + n
                    + " triangles needs " + (HEADER_BYTES + TRIANGLE_BYTES * n) + " bytes but the file has "
                    + data.length + " (truncated or corrupt)");
        }
        throw new MeshReadException(name, "is too short for binary STL (" + data.length
                + " bytes, the header alone is 84) and is not ASCII STL");
    }

    private static Mesh readBinary(String name, byte[] data, MeshLimits limits) throws MeshReadException {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        long n = in.getInt(80) & 0xFFFFFFFFL;
        limits.checkFaces(name, n);
        limits.checkVertices(name, 3 * n);
        int faces = (int) n;
        float[] positions = new float[9 * faces];
        int[] triangles = new int[3 * faces];
        int offset = HEADER_BYTES;
        for (int f = 0; f < faces; f++, offset += TRIANGLE_BYTES) {
            for (int k = 0; k < 9; k++) {
                positions[9 * f + k] = in.getFloat(offset + 12 + 4 * k);
            }
        }
        for (int i = 0; i < triangles.length; i++) {
            triangles[i] = i;
        }
        return MeshAssembly.finish(name, positions, 3 * faces, triangles, faces, null, null, null, List.of(),
                MeshFormat.STL.assumedUpAxis());
    }

    private static Mesh readAscii(String name, byte[] data, MeshLimits limits) throws MeshReadException {
        // "facet normal 0 0 0 / outer loop / vertex x y z (x3) / endloop / endfacet" needs >= 100 bytes.
        int guess = Math.min(limits.maxFaces(), data.length / 100 + 1);
        GrowableMesh mesh = new GrowableMesh(name, limits, 3 * guess, guess, false);
        TextScanner in = new TextScanner(name, data, 0);
        int corners = 0;
        while (in.skipEmptyLines((byte) 0)) {
            in.token();
            if (in.tokenIsIgnoreCase("vertex")) {
                if (corners == 3) {
                    throw in.error("facet has more than 3 vertices");
                }
                float x = in.nextFloat("vertex x");
                float y = in.nextFloat("vertex y");
                float z = in.nextFloat("vertex z");
                mesh.addVertex(x, y, z);
                corners++;
            } else if (in.tokenIsIgnoreCase("endfacet")) {
                if (corners != 3) {
                    throw in.error("facet has " + corners + " vertices; STL facets are triangles");
                }
                int v = mesh.vertexCount;
                mesh.addTriangle(v - 3, v - 2, v - 1, 0);
                corners = 0;
            } else if (in.tokenIsIgnoreCase("facet")) {
                if (corners != 0) {
                    throw in.error("a facet begins before the one with " + corners + " vertices ended (no endfacet)");
                }
            }
            // solid, outer loop, endloop, endsolid: structure only
            in.nextLine();
        }
        if (corners != 0) {
            throw new MeshReadException(name, "ASCII STL ends inside a facet with " + corners + " vertices (truncated?)");
        }
        if (mesh.faceCount == 0) {
            throw new MeshReadException(name, "ASCII STL contains no facets");
        }
        return mesh.finish(MeshFormat.STL.assumedUpAxis());
    }
}
