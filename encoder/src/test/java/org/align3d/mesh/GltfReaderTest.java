package org.align3d.mesh;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** glTF specifics: node transforms, primitive modes, accessor layouts, and hostile lengths and URIs. */
public class GltfReaderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final MeshLoader loader = new MeshLoader();

    /** One triangle (0,0,0), (1,0,0), (0,1,0) as a data-URI buffer: 36 bytes of positions + 3 uint16 indices. */
    private static final String TRIANGLE_BUFFER;

    static {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(0);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 2).putShort((short) 0);
        TRIANGLE_BUFFER = "data:application/gltf-buffer;base64," + Base64.getEncoder().encodeToString(b.array());
    }

    private static String document(String nodes, String scene, String buffers) {
        return """
                {"asset": {"version": "2.0"}, %s
                 "nodes": %s,
                 "meshes": [{"name": "tri", "primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
                 "accessors": [
                   {"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3"},
                   {"bufferView": 1, "componentType": 5123, "count": 3, "type": "SCALAR"}],
                 "bufferViews": [{"buffer": 0, "byteLength": 36}, {"buffer": 0, "byteOffset": 36, "byteLength": 6}],
                 "buffers": %s}
                """.formatted(scene, nodes, buffers);
    }

    private static String buffers(String uri, int length) {
        return "[{\"byteLength\": " + length + ", \"uri\": \"" + uri + "\"}]";
    }

    private Mesh read(String json) throws MeshReadException {
        return loader.read(MeshSource.inline("t.gltf", json.getBytes(StandardCharsets.UTF_8)));
    }

    private MeshReadException fails(String json, String fragment) {
        MeshReadException e = assertThrows(MeshReadException.class, () -> read(json));
        assertTrue(e.getMessage(), e.getMessage().startsWith("t.gltf: ") && e.getMessage().contains(fragment));
        return e;
    }

    @Test
    public void translationRotationScaleComposeDownTheHierarchy() throws MeshReadException {
        // parent: translate by (10, 0, 0); child: rotate 90 degrees about Z, then scale by 2
        double s = Math.sqrt(0.5);
        String nodes = "[{\"translation\": [10, 0, 0], \"children\": [1]},"
                + " {\"mesh\": 0, \"rotation\": [0, 0, " + s + ", " + s + "], \"scale\": [2, 2, 2]}]";
        Mesh mesh = read(document(nodes, "\"scene\": 0, \"scenes\": [{\"nodes\": [0]}],", buffers(TRIANGLE_BUFFER, 42)));
        // (1,0,0) -> scale (2,0,0) -> rotate (0,2,0) -> translate (10,2,0); (0,1,0) -> (-2,0,0) -> (8,0,0)
        assertArrayEquals(new float[] {10, 0, 0, 10, 2, 0, 8, 0, 0}, mesh.positions(), 1e-5f);
        assertEquals(List.of("tri"), mesh.partNames());
    }

    @Test
    public void matrixAndMirroringKeepOutwardWinding() throws MeshReadException {
        // column-major mirror in X: a negative determinant flips the winding back
        String nodes = "[{\"mesh\": 0, \"matrix\": [-1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,5,1]}]";
        Mesh mesh = read(document(nodes, "", buffers(TRIANGLE_BUFFER, 42)));
        float[] p = mesh.positions();
        assertArrayEquals(new float[] {0, 0, 5, -1, 0, 5, 0, 1, 5}, p, 0f);
        int[] t = mesh.triangles();
        // original normal +Z; after the mirror and the flip it is still +Z
        double ux = p[3 * t[1]] - p[3 * t[0]], uy = p[3 * t[1] + 1] - p[3 * t[0] + 1];
        double vx = p[3 * t[2]] - p[3 * t[0]], vy = p[3 * t[2] + 1] - p[3 * t[0] + 1];
        assertTrue(ux * vy - uy * vx > 0);
    }

    @Test
    public void instancesOfOneMeshAreAllRead() throws MeshReadException {
        String nodes = "[{\"mesh\": 0}, {\"mesh\": 0, \"translation\": [0, 0, 3]}]";
        Mesh mesh = read(document(nodes, "\"scenes\": [{\"nodes\": [0, 1]}],", buffers(TRIANGLE_BUFFER, 42)));
        assertEquals(2, mesh.faceCount());
        assertEquals(6, mesh.vertexCount());
    }

    @Test
    public void nonIndexedStridedAndStripPrimitives() throws MeshReadException {
        // four vertices interleaved with a pad float (stride 16), drawn as a triangle strip without indices
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        float[][] v = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}};
        for (float[] x : v) {
            b.putFloat(x[0]).putFloat(x[1]).putFloat(x[2]).putFloat(99);
        }
        String uri = "data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(b.array());
        String json = """
                {"asset": {"version": "2.0"}, "nodes": [{"mesh": 0}],
                 "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "mode": 5}]}],
                 "accessors": [{"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3"}],
                 "bufferViews": [{"buffer": 0, "byteLength": 64, "byteStride": 16}],
                 "buffers": [{"byteLength": 64, "uri": "%s"}]}
                """.formatted(uri);
        Mesh mesh = read(json);
        assertEquals(2, mesh.faceCount());
        assertEquals(1.0, TestMeshes.area(mesh), 1e-6);
        assertEquals(List.of("mesh0"), mesh.partNames());
    }

    @Test
    public void bufferLengthThatLies() {
        fails(document("[{\"mesh\": 0}]", "", buffers(TRIANGLE_BUFFER, 4000)), "declares 4000 bytes but only 44");
    }

    @Test
    public void accessorOutsideItsView() {
        String json = document("[{\"mesh\": 0}]", "", buffers(TRIANGLE_BUFFER, 42)).replace("\"count\": 3, \"type\": \"VEC3\"",
                "\"count\": 30, \"type\": \"VEC3\"");
        fails(json, "needs 360 bytes of its buffer view");
    }

    @Test
    public void countsAreCheckedAgainstTheBytesBeforeAllocating() {
        // a 300-byte document once allocated half a gigabyte for 16 M vertices its 36-byte view cannot hold
        String json = document("[{\"mesh\": 0}]", "", buffers(TRIANGLE_BUFFER, 42)).replace("\"count\": 3, \"type\": \"VEC3\"",
                "\"count\": 16777215, \"type\": \"VEC3\"");
        fails(json, "needs 201326580 bytes of its buffer view");
        fails(document("[{\"mesh\": 0}]", "", buffers(TRIANGLE_BUFFER, 42)).replace("{\"bufferView\": 0, ", "{"),
                "(POSITION) has no bufferView");
    }

    @Test
    public void offsetsThatWouldOverflowAreRefused() {
        String json = document("[{\"mesh\": 0}]", "", buffers(TRIANGLE_BUFFER, 42)).replace("\"byteOffset\": 36,",
                "\"byteOffset\": 9223372036854775807,");
        MeshReadException e = fails(json, "byteOffset");
        assertTrue(e.getMessage(), e.getMessage().contains("2147483647"));
    }

    @Test
    public void primitivesDrawnTooOftenAreRefusedBeforeTheWork() {
        StringBuilder nodes = new StringBuilder("[");
        for (int i = 0; i < 2000; i++) {
            nodes.append(i == 0 ? "" : ",").append("{\"mesh\": 0}");
        }
        StringBuilder primitives = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            primitives.append(i == 0 ? "" : ",").append("{\"attributes\": {\"POSITION\": 0}, \"indices\": 1}");
        }
        String json = document(nodes + "]", "", buffers(TRIANGLE_BUFFER, 42)).replace(
                "{\"attributes\": {\"POSITION\": 0}, \"indices\": 1}", primitives.toString());
        fails(json, "draws more than 100000 primitives");
    }

    @Test
    public void aDocumentWhoseAssetComesAfterItsBuffersIsRecognised() throws MeshReadException {
        // members in any order: here a data URI of 5 KB comes before "asset"
        byte[] triangle = Base64.getDecoder().decode(TRIANGLE_BUFFER.substring(TRIANGLE_BUFFER.indexOf(',') + 1));
        byte[] padded = Arrays.copyOf(triangle, 5044);
        String uri = "data:application/gltf-buffer;base64," + Base64.getEncoder().encodeToString(padded);
        String json = document("[{\"mesh\": 0}]", "", buffers(uri, 5044));
        String moved = "{\"buffers\": " + buffers(uri, 5044) + ", "
                + json.substring(json.indexOf('{') + 1, json.lastIndexOf("\"buffers\"")).strip();
        moved = moved.substring(0, moved.length() - 1) + "}"; // the comma before the removed last member
        assertTrue(moved.indexOf("\"asset\"") > 4096);
        assertEquals(1, read(moved).faceCount());
    }

    @Test
    public void tooManyJsonTokensAreRefused() {
        String filler = "{},".repeat(1_100_000);
        fails("{\"asset\": {\"version\": \"2.0\"}, \"x\": [" + filler + "{}]}", "Token count (2000001) exceeds the maximum allowed (2000000");
    }

    @Test
    public void indexOutOfRange() {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.position(36);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 9);
        String uri = "data:;base64," + Base64.getEncoder().encodeToString(b.array());
        fails(document("[{\"mesh\": 0}]", "", buffers(uri, 42)), "index 2 is 9");
    }

    @Test
    public void nodeCycleIsRefused() {
        fails(document("[{\"mesh\": 0, \"children\": [1]}, {\"children\": [0]}]", "\"scenes\": [{\"nodes\": [0]}],",
                buffers(TRIANGLE_BUFFER, 42)), "reached twice");
    }

    @Test
    public void sharedChildrenCannotExplode() {
        // each node lists the next twice: 2^40 paths if a reader followed them
        StringBuilder nodes = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            nodes.append("{\"mesh\": 0, \"children\": [").append(i + 1).append(", ").append(i + 1).append("]},");
        }
        nodes.append("{\"mesh\": 0}]");
        fails(document(nodes.toString(), "\"scenes\": [{\"nodes\": [0]}],", buffers(TRIANGLE_BUFFER, 42)), "reached twice");
    }

    @Test
    public void externalBuffersStayInsideTheDirectory() throws IOException {
        Path dir = tmp.newFolder("asset").toPath();
        Files.write(tmp.getRoot().toPath().resolve("secret.bin"), new byte[44]);
        for (String uri : new String[] {"../secret.bin", "sub/../../secret.bin", "%2E%2E/secret.bin", "/etc/passwd",
                "file:///etc/passwd", "http://example.com/a.bin", "C:\\\\x.bin"}) {
            Path file = dir.resolve("t.gltf");
            Files.writeString(file, document("[{\"mesh\": 0}]", "", buffers(uri, 42)));
            MeshReadException e = assertThrows(MeshReadException.class, () -> loader.read(file));
            assertTrue(uri + ": " + e.getMessage(), e.getMessage().contains("directory"));
        }
    }

    @Test
    public void anExternalBufferLinkingOutOfTheDirectoryIsRefused() throws IOException {
        Path dir = tmp.newFolder("linked").toPath();
        String data = TRIANGLE_BUFFER.substring(TRIANGLE_BUFFER.indexOf(',') + 1);
        Path outside = tmp.getRoot().toPath().resolve("outside.bin");
        Files.write(outside, Base64.getDecoder().decode(data));
        Files.createSymbolicLink(dir.resolve("link.bin"), outside);
        Path file = dir.resolve("t.gltf");
        Files.writeString(file, document("[{\"mesh\": 0}]", "", buffers("link.bin", 42)));
        MeshReadException e = assertThrows(MeshReadException.class, () -> loader.read(file));
        assertTrue(e.getMessage(), e.getMessage().contains("'link.bin' is not a regular file inside the glTF file's directory"));
    }

    @Test
    public void externalBufferNextToTheFileAndMissingOne() throws IOException {
        Path dir = tmp.newFolder("ok").toPath();
        String data = TRIANGLE_BUFFER.substring(TRIANGLE_BUFFER.indexOf(',') + 1);
        Files.write(dir.resolve("tri angle.bin"), Base64.getDecoder().decode(data));
        Path file = dir.resolve("t.gltf");
        Files.writeString(file, document("[{\"mesh\": 0}]", "", buffers("tri%20angle.bin", 42)));
        assertEquals(1, loader.read(file).faceCount());
        Files.writeString(file, document("[{\"mesh\": 0}]", "", buffers("missing.bin", 42)));
        MeshReadException e = assertThrows(MeshReadException.class, () -> loader.read(file));
        assertTrue(e.getMessage(), e.getMessage().contains("missing.bin") && e.getMessage().contains("cannot be read"));
    }

    @Test
    public void inlineAssetsCannotUseExternalFiles() {
        fails(document("[{\"mesh\": 0}]", "", buffers("tri.bin", 42)), "inline asset");
    }

    @Test
    public void glbWhoseLengthsLie() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GltfWriter().write(TestMeshes.boxWithLid(), out);
        byte[] good = out.toByteArray();
        ByteBuffer b;

        byte[] total = good.clone();
        ByteBuffer.wrap(total).order(ByteOrder.LITTLE_ENDIAN).putInt(8, good.length + 100);
        assertGlbFails(total, "GLB header declares " + (good.length + 100) + " bytes");

        byte[] jsonChunk = good.clone();
        ByteBuffer.wrap(jsonChunk).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 1 << 30);
        assertGlbFails(jsonChunk, "JSON chunk declares");

        byte[] binChunk = good.clone();
        b = ByteBuffer.wrap(binChunk).order(ByteOrder.LITTLE_ENDIAN);
        int binHeader = 20 + b.getInt(12);
        b.putInt(binHeader, b.getInt(binHeader) + 64);
        assertGlbFails(binChunk, "BIN chunk declares");

        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 16);
        ByteBuffer.wrap(truncated).order(ByteOrder.LITTLE_ENDIAN).putInt(8, truncated.length);
        assertGlbFails(truncated, "BIN chunk declares");
    }

    private void assertGlbFails(byte[] data, String fragment) {
        MeshReadException e = assertThrows(MeshReadException.class,
                () -> loader.read(MeshSource.inline("x.glb", data)));
        assertTrue(e.getMessage(), e.getMessage().startsWith("x.glb: ") && e.getMessage().contains(fragment));
    }

    @Test
    public void compressedGeometryIsRefusedByName() {
        String json = document("[{\"mesh\": 0}]", "\"extensionsRequired\": [\"KHR_materials_unlit\", "
                + "\"KHR_draco_mesh_compression\"],", buffers(TRIANGLE_BUFFER, 42));
        fails(json, "requires extension KHR_draco_mesh_compression");
    }

    @Test
    public void malformedJsonNamesTheProblem() {
        fails("{\"asset\": {\"version\": \"2.0\"}, \"nodes\": [", "invalid JSON");
        fails("{\"asset\": {\"version\": \"1.0\"}}", "version 1.0");
        fails("{\"asset\": {\"version\": \"2.0\"}, \"nodes\": [{\"mesh\": 5}], \"meshes\": []}", "nodes[0].mesh is 5");
    }
}
