package org.align3d.mesh;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes Wavefront OBJ: {@code v} lines, then the triangles of each part after a {@code g NAME} line (faces
 * without parts under no group). Point clouds are written as {@code v} lines only.
 */
public final class ObjWriter implements MeshWriter {

    @Override
    public void write(Mesh mesh, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder(64);
        float[] p = mesh.positions();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            line.setLength(0);
            line.append("v ").append(p[3 * v]).append(' ').append(p[3 * v + 1]).append(' ').append(p[3 * v + 2]).append('\n');
            w.append(line);
        }
        int[] t = mesh.triangles();
        int[] parts = mesh.faceParts();
        if (parts == null) {
            writeFaces(w, line, t, parts, -1);
        } else {
            for (int part = 0; part < mesh.partNames().size(); part++) {
                w.append("g ").append(mesh.partNames().get(part)).append('\n');
                writeFaces(w, line, t, parts, part);
            }
        }
        w.flush();
    }

    private static void writeFaces(Writer w, StringBuilder line, int[] t, int[] parts, int part) throws IOException {
        for (int f = 0; f < t.length / 3; f++) {
            if (parts != null && parts[f] != part) {
                continue;
            }
            line.setLength(0);
            line.append("f ").append(t[3 * f] + 1).append(' ').append(t[3 * f + 1] + 1).append(' ')
                    .append(t[3 * f + 2] + 1).append('\n');
            w.append(line);
        }
    }

    @Override
    public String extension() {
        return "obj";
    }
}
