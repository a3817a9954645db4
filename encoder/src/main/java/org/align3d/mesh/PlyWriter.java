package org.align3d.mesh;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes PLY, binary little endian (default) or ASCII: {@code vertex} with {@code x y z} (plus {@code nx ny nz}
 * and {@code part} for point clouds that have them), {@code face} with a {@code uchar int} list
 * {@code vertex_indices} and, when the mesh has parts, an {@code int part}; part names go in a
 * {@code comment align3d-parts ...} header line (names with spaces are written with underscores).
 */
public final class PlyWriter implements MeshWriter {

    private final boolean ascii;

    public PlyWriter(boolean ascii) {
        this.ascii = ascii;
    }

    public PlyWriter() {
        this(false);
    }

    @Override
    public void write(Mesh mesh, OutputStream out) throws IOException {
        int vertices = mesh.vertexCount();
        int faces = mesh.faceCount();
        boolean normals = mesh.vertexNormals() != null;
        boolean vertexParts = mesh.vertexParts() != null;
        boolean faceParts = mesh.faceParts() != null;
        StringBuilder h = new StringBuilder("ply\n");
        h.append("format ").append(ascii ? "ascii" : "binary_little_endian").append(" 1.0\n");
        h.append("comment written by align3d\n");
        if (!mesh.partNames().isEmpty()) {
            h.append("comment ").append(PlyReader.PARTS_COMMENT);
            for (String name : mesh.partNames()) {
                h.append(' ').append(name.replace(' ', '_'));
            }
            h.append('\n');
        }
        h.append("element vertex ").append(vertices).append('\n');
        h.append("property float x\nproperty float y\nproperty float z\n");
        if (normals) {
            h.append("property float nx\nproperty float ny\nproperty float nz\n");
        }
        if (vertexParts) {
            h.append("property int part\n");
        }
        if (faces > 0) {
            h.append("element face ").append(faces).append('\n');
            h.append("property list uchar int vertex_indices\n");
            if (faceParts) {
                h.append("property int part\n");
            }
        }
        h.append("end_header\n");
        out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
        float[] p = mesh.positions();
        float[] n = mesh.vertexNormals();
        int[] t = mesh.triangles();
        if (ascii) {
            StringBuilder s = new StringBuilder();
            for (int v = 0; v < vertices; v++) {
                s.append(p[3 * v]).append(' ').append(p[3 * v + 1]).append(' ').append(p[3 * v + 2]);
                if (normals) {
                    s.append(' ').append(n[3 * v]).append(' ').append(n[3 * v + 1]).append(' ').append(n[3 * v + 2]);
                }
                if (vertexParts) {
                    s.append(' ').append(mesh.vertexParts()[v]);
                }
                s.append('\n');
            }
            for (int f = 0; f < faces; f++) {
                s.append("3 ").append(t[3 * f]).append(' ').append(t[3 * f + 1]).append(' ').append(t[3 * f + 2]);
                if (faceParts) {
                    s.append(' ').append(mesh.faceParts()[f]);
                }
                s.append('\n');
            }
            out.write(s.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return;
        }
        int vertexSize = 12 + (normals ? 12 : 0) + (vertexParts ? 4 : 0);
        int faceSize = 13 + (faceParts ? 4 : 0);
        ByteBuffer b = ByteBuffer.allocate(Math.max(vertexSize, faceSize) * 4096).order(ByteOrder.LITTLE_ENDIAN);
        DataOutputStream data = new DataOutputStream(out);
        for (int v = 0; v < vertices; v++) {
            if (b.remaining() < vertexSize) {
                flush(b, data);
            }
            b.putFloat(p[3 * v]).putFloat(p[3 * v + 1]).putFloat(p[3 * v + 2]);
            if (normals) {
                b.putFloat(n[3 * v]).putFloat(n[3 * v + 1]).putFloat(n[3 * v + 2]);
            }
            if (vertexParts) {
                b.putInt(mesh.vertexParts()[v]);
            }
        }
        for (int f = 0; f < faces; f++) {
            if (b.remaining() < faceSize) {
                flush(b, data);
            }
            b.put((byte) 3).putInt(t[3 * f]).putInt(t[3 * f + 1]).putInt(t[3 * f + 2]);
            if (faceParts) {
                b.putInt(mesh.faceParts()[f]);
            }
        }
        flush(b, data);
        data.flush();
    }

    private static void flush(ByteBuffer b, OutputStream out) throws IOException {
        out.write(b.array(), 0, b.position());
        b.clear();
    }

    @Override
    public String extension() {
        return "ply";
    }
}
