package org.align3d.mesh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes OFF: header, counts, vertices, triangles. Parts are not kept. */
public final class OffWriter implements MeshWriter {

    @Override
    public void write(Mesh mesh, OutputStream out) throws IOException {
        float[] p = mesh.positions();
        int[] t = mesh.triangles();
        StringBuilder s = new StringBuilder("OFF\n");
        s.append(mesh.vertexCount()).append(' ').append(mesh.faceCount()).append(" 0\n");
        for (int v = 0; v < mesh.vertexCount(); v++) {
            s.append(p[3 * v]).append(' ').append(p[3 * v + 1]).append(' ').append(p[3 * v + 2]).append('\n');
            if (s.length() > 1 << 16) {
                out.write(s.toString().getBytes(StandardCharsets.US_ASCII));
                s.setLength(0);
            }
        }
        for (int f = 0; f < mesh.faceCount(); f++) {
            s.append("3 ").append(t[3 * f]).append(' ').append(t[3 * f + 1]).append(' ').append(t[3 * f + 2]).append('\n');
            if (s.length() > 1 << 16) {
                out.write(s.toString().getBytes(StandardCharsets.US_ASCII));
                s.setLength(0);
            }
        }
        out.write(s.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public String extension() {
        return "off";
    }
}
