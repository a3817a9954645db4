package org.align3d.mesh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Writes glTF 2.0: binary GLB (the {@link MeshWriter} form), or {@code .gltf} JSON with the buffer embedded as a
 * data URI or in a {@code .bin} file beside it. Each part becomes one named mesh on one named node of the
 * default scene, holding only the vertices its triangles use, so a reader recovers the parts from mesh names.
 * Indices are unsigned ints; POSITION carries the min and max the specification requires.
 */
public final class GltfWriter implements MeshWriter {

    private static final JsonFactory JSON = new JsonFactory();

    /** Where a {@code .gltf}'s buffer goes. */
    public enum BufferPlacement { DATA_URI, EXTERNAL_FILE }

    private record Part(String name, float[] positions, int[] indices) {
    }

    @Override
    public String extension() {
        return "glb";
    }

    @Override
    public void write(Mesh mesh, OutputStream out) throws IOException {
        List<Part> parts = split(mesh);
        byte[] bin = binary(parts);
        byte[] json = json(parts, bin.length, null);
        int jsonPadded = (json.length + 3) & ~3;
        int total = 12 + 8 + jsonPadded + 8 + bin.length;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(GltfReader.GLB_MAGIC).putInt(2).putInt(total);
        b.putInt(jsonPadded).putInt(GltfReader.CHUNK_JSON).put(json);
        for (int i = json.length; i < jsonPadded; i++) {
            b.put((byte) ' ');
        }
        b.putInt(bin.length).putInt(GltfReader.CHUNK_BIN).put(bin);
        out.write(b.array());
        out.flush();
    }

    /** Writes {@code file} (.gltf) and, for {@link BufferPlacement#EXTERNAL_FILE}, its buffer beside it. */
    public void writeGltf(Mesh mesh, Path file, BufferPlacement placement) throws IOException {
        List<Part> parts = split(mesh);
        byte[] bin = binary(parts);
        String uri;
        if (placement == BufferPlacement.DATA_URI) {
            uri = "data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(bin);
        } else {
            String base = file.getFileName().toString().replaceFirst("\\.gltf$", "");
            uri = base + ".bin";
            Files.write(file.resolveSibling(uri), bin);
        }
        Files.write(file, json(parts, bin.length, uri));
    }

    private static List<Part> split(Mesh mesh) {
        int faces = mesh.faceCount();
        int[] faceParts = mesh.faceParts();
        int partCount = faceParts == null ? 1 : Math.max(1, mesh.partNames().size());
        List<Part> out = new ArrayList<>();
        int[] remap = new int[mesh.vertexCount()];
        float[] p = mesh.positions();
        int[] t = mesh.triangles();
        for (int part = 0; part < partCount; part++) {
            Arrays.fill(remap, -1);
            float[] positions = new float[3 * Math.min(mesh.vertexCount(), 3 * faces)];
            int[] indices = new int[3 * faces];
            int vertices = 0;
            int n = 0;
            for (int f = 0; f < faces; f++) {
                if (faceParts != null && faceParts[f] != part) {
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    int v = t[3 * f + k];
                    if (remap[v] < 0) {
                        remap[v] = vertices;
                        System.arraycopy(p, 3 * v, positions, 3 * vertices, 3);
                        vertices++;
                    }
                    indices[n++] = remap[v];
                }
            }
            if (n > 0) {
                String name = faceParts == null ? "mesh" : mesh.partNames().get(part);
                out.add(new Part(name, Arrays.copyOf(positions, 3 * vertices), Arrays.copyOf(indices, n)));
            }
        }
        return out;
    }

    private static byte[] binary(List<Part> parts) {
        int size = 0;
        for (Part part : parts) {
            size += 4 * part.positions.length + 4 * part.indices.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (Part part : parts) {
            for (float f : part.positions) {
                b.putFloat(f);
            }
            for (int i : part.indices) {
                b.putInt(i);
            }
        }
        return b.array();
    }

    private static byte[] json(List<Part> parts, int binLength, String uri) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeObjectFieldStart("asset");
            g.writeStringField("version", "2.0");
            g.writeStringField("generator", "align3d");
            g.writeEndObject();
            g.writeNumberField("scene", 0);
            g.writeArrayFieldStart("scenes");
            g.writeStartObject();
            g.writeArrayFieldStart("nodes");
            for (int i = 0; i < parts.size(); i++) {
                g.writeNumber(i);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("nodes");
            for (int i = 0; i < parts.size(); i++) {
                g.writeStartObject();
                g.writeStringField("name", parts.get(i).name);
                g.writeNumberField("mesh", i);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("meshes");
            for (int i = 0; i < parts.size(); i++) {
                g.writeStartObject();
                g.writeStringField("name", parts.get(i).name);
                g.writeArrayFieldStart("primitives");
                g.writeStartObject();
                g.writeObjectFieldStart("attributes");
                g.writeNumberField("POSITION", 2 * i);
                g.writeEndObject();
                g.writeNumberField("indices", 2 * i + 1);
                g.writeNumberField("mode", 4);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("accessors");
            for (int i = 0; i < parts.size(); i++) {
                Part part = parts.get(i);
                float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
                float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
                for (int v = 0; v < part.positions.length; v++) {
                    min[v % 3] = Math.min(min[v % 3], part.positions[v]);
                    max[v % 3] = Math.max(max[v % 3], part.positions[v]);
                }
                g.writeStartObject();
                g.writeNumberField("bufferView", 2 * i);
                g.writeNumberField("componentType", 5126);
                g.writeNumberField("count", part.positions.length / 3);
                g.writeStringField("type", "VEC3");
                g.writeArrayFieldStart("min");
                for (float f : min) {
                    g.writeNumber(f);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("max");
                for (float f : max) {
                    g.writeNumber(f);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeStartObject();
                g.writeNumberField("bufferView", 2 * i + 1);
                g.writeNumberField("componentType", 5125);
                g.writeNumberField("count", part.indices.length);
                g.writeStringField("type", "SCALAR");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("bufferViews");
            int offset = 0;
            for (Part part : parts) {
                g.writeStartObject();
                g.writeNumberField("buffer", 0);
                g.writeNumberField("byteOffset", offset);
                g.writeNumberField("byteLength", 4 * part.positions.length);
                g.writeNumberField("target", 34962);
                g.writeEndObject();
                offset += 4 * part.positions.length;
                g.writeStartObject();
                g.writeNumberField("buffer", 0);
                g.writeNumberField("byteOffset", offset);
                g.writeNumberField("byteLength", 4 * part.indices.length);
                g.writeNumberField("target", 34963);
                g.writeEndObject();
                offset += 4 * part.indices.length;
            }
            g.writeEndArray();
            g.writeArrayFieldStart("buffers");
            g.writeStartObject();
            g.writeNumberField("byteLength", binLength);
            if (uri != null) {
                g.writeStringField("uri", uri);
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }
}
