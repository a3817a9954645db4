package org.align3d.mesh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes binary STL (default) or ASCII STL, with facet normals from the winding. Parts are not kept. */
public final class StlWriter implements MeshWriter {

    private final boolean ascii;

    public StlWriter(boolean ascii) {
        this.ascii = ascii;
    }

    public StlWriter() {
        this(false);
    }

    @Override
    public void write(Mesh mesh, OutputStream out) throws IOException {
        float[] p = mesh.positions();
        int[] t = mesh.triangles();
        int faces = mesh.faceCount();
        if (ascii) {
            StringBuilder s = new StringBuilder("solid align3d\n");
            float[] normal = new float[3];
            for (int f = 0; f < faces; f++) {
                faceNormal(p, t, f, normal);
                s.append("facet normal ").append(normal[0]).append(' ').append(normal[1]).append(' ').append(normal[2])
                        .append("\n  outer loop\n");
                for (int k = 0; k < 3; k++) {
                    int v = t[3 * f + k];
                    s.append("    vertex ").append(p[3 * v]).append(' ').append(p[3 * v + 1]).append(' ')
                            .append(p[3 * v + 2]).append('\n');
                }
                s.append("  endloop\nendfacet\n");
            }
            s.append("endsolid align3d\n");
            out.write(s.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return;
        }
        // Deliberately starts with "solid": readers must tell binary from ASCII by size, not by this prefix.
        byte[] header = new byte[80];
        byte[] text = "solid align3d binary STL".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, 0, text.length);
        out.write(header);
        ByteBuffer b = ByteBuffer.allocate(50 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(faces);
        float[] normal = new float[3];
        for (int f = 0; f < faces; f++) {
            if (b.remaining() < 50) {
                out.write(b.array(), 0, b.position());
                b.clear();
            }
            faceNormal(p, t, f, normal);
            b.putFloat(normal[0]).putFloat(normal[1]).putFloat(normal[2]);
            for (int k = 0; k < 3; k++) {
                int v = t[3 * f + k];
                b.putFloat(p[3 * v]).putFloat(p[3 * v + 1]).putFloat(p[3 * v + 2]);
            }
            b.putShort((short) 0);
        }
        out.write(b.array(), 0, b.position());
        out.flush();
    }

    static void faceNormal(float[] p, int[] t, int f, float[] out) {
        int a = t[3 * f], b = t[3 * f + 1], c = t[3 * f + 2];
        double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
        double vx = p[3 * c] - p[3 * a], vy = p[3 * c + 1] - p[3 * a + 1], vz = p[3 * c + 2] - p[3 * a + 2];
        double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        double inv = len > 0 ? 1 / len : 0;
        out[0] = (float) (nx * inv);
        out[1] = (float) (ny * inv);
        out[2] = (float) (nz * inv);
    }

    @Override
    public String extension() {
        return "stl";
    }
}
