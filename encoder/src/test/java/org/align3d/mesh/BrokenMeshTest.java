package org.align3d.mesh;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.Test;

/**
 * Hand-made broken files, one per failure the readers must report: each fails with {@link MeshReadException}
 * naming the file and the problem, without running out of memory or hanging.
 */
public class BrokenMeshTest {

    private final MeshLoader loader = new MeshLoader();

    private MeshReadException fails(String name, byte[] data, String... fragments) {
        MeshReadException e = assertThrows(MeshReadException.class, () -> loader.read(MeshSource.inline(name, data)));
        assertTrue(e.getMessage(), e.getMessage().startsWith(name + ": "));
        for (String fragment : fragments) {
            assertTrue("'" + e.getMessage() + "' should mention '" + fragment + "'", e.getMessage().contains(fragment));
        }
        return e;
    }

    private MeshReadException fails(String name, String text, String... fragments) {
        return fails(name, text.getBytes(StandardCharsets.UTF_8), fragments);
    }

    private static byte[] bytes(MeshWriter writer, Mesh mesh) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(mesh, out);
        return out.toByteArray();
    }

    @Test
    public void emptyFilesOfEveryFormat() {
        for (String name : new String[] {"a.obj", "a.ply", "a.stl", "a.off", "a.glb", "a.gltf", "a.unknown"}) {
            fails(name, new byte[0], "empty");
        }
    }

    @Test
    public void unknownContent() {
        fails("notes.txt", "hello world\nthis is not a mesh\n", "not a recognised mesh format");
    }

    @Test
    public void objNanCoordinate() {
        fails("nan.obj", "v 0 0 0\nv 1 0 nan\nv 0 1 0\nf 1 2 3\n", "line 2", "finite number", "nan");
    }

    @Test
    public void objInfiniteAndOverflowingCoordinates() {
        fails("inf.obj", "v 0 0 0\nv 1 0 inf\nv 0 1 0\nf 1 2 3\n", "line 2");
        fails("huge.obj", "v 0 0 0\nv 1 0 1e39\nv 0 1 0\nf 1 2 3\n", "line 2");
    }

    @Test
    public void objIndexOutOfRange() {
        fails("range.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 4\n", "line 4", "vertex 4");
        fails("zero.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 0 1 2\n", "line 4", "vertex 0");
        fails("negative.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf -1 -2 -4\n", "line 4", "vertex -4");
    }

    @Test
    public void objNotUtf8ReportsOffsetAndLine() {
        byte[] data = "v 0 0 0\nv 1 0 0\nv 0 1 0\ng caf\u00e9\nf 1 2 3\n".getBytes(StandardCharsets.ISO_8859_1);
        fails("latin1.obj", data, "not valid UTF-8", "byte offset 29", "line 4");
    }

    @Test
    public void zeroAreaFacesAreDroppedAndAllZeroFails() throws MeshReadException {
        Mesh mesh = loader.read(TestMeshes.source("some.obj",
                "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 2 0 0\nf 1 2 3\nf 1 2 4\nf 1 1 2\n"));
        assertEquals(1, mesh.faceCount());
        fails("flat.obj", "v 0 0 0\nv 1 0 0\nv 2 0 0\nf 1 2 3\nf 1 1 2\n", "all 2 faces have zero area");
        fails("flat.off", "OFF\n3 1 0\n0 0 0\n1 1 1\n2 2 2\n3 0 1 2\n", "zero area");
    }

    @Test
    public void offAbsurdCounts() {
        fails("absurd.off", "OFF\n2000000000 1 0\n0 0 0\n", "declares 2000000000 vertices");
        fails("lying.off", "OFF\n1000 1000 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n", "truncated or absurd counts");
        fails("short.off", "OFF\n3 2 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n" + "\n".repeat(10), "ends after 1 of 2 faces");
    }

    @Test
    public void offAfterLongCommentsIsRecognised() throws MeshReadException {
        String comments = "# exported by a tool that says a great deal about itself\n".repeat(8);
        assertTrue(comments.length() > 256);
        Mesh mesh = loader.read(MeshSource.inline("inline", (comments + "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, mesh.faceCount());
    }

    @Test
    public void offIndexOutOfRange() {
        fails("range.off", "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 3\n", "line 6", "vertex 3");
    }

    @Test
    public void plyAbsurdCounts() {
        fails("absurd.ply", "ply\nformat binary_little_endian 1.0\nelement vertex 4000000000\nproperty float x\n"
                + "property float y\nproperty float z\nend_header\n", "declares 4000000000 vertices");
        fails("lying.ply", "ply\nformat binary_little_endian 1.0\nelement vertex 1000000\nproperty float x\n"
                + "property float y\nproperty float z\nend_header\n\0\0\0\0", "truncated");
        fails("ascii-lying.ply", "ply\nformat ascii 1.0\nelement vertex 1000000\nproperty float x\nproperty float y\n"
                + "property float z\nend_header\n0 0 0\n", "truncated");
    }

    @Test
    public void plyTruncatedBinaryFaceList() throws IOException {
        byte[] whole = bytes(new PlyWriter(), TestMeshes.boxWithLid());
        fails("cut.ply", Arrays.copyOf(whole, whole.length - 7), "truncated");
    }

    @Test
    public void plyHugeFaceListLength() throws IOException {
        byte[] whole = bytes(new PlyWriter(), TestMeshes.boxWithLid());
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        String patched = text.replace("property list uchar int vertex_indices", "property list uint int vertex_indices");
        // the first face's list length now reads as a 4-byte count taken from the indices: far too many
        byte[] data = patched.getBytes(StandardCharsets.ISO_8859_1);
        int body = patched.indexOf("end_header\n") + "end_header\n".length();
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(body + 8 * 12, 0x7FFFFFF0);
        fails("list.ply", data, "face 0");
    }

    @Test
    public void plyNanInBinary() throws IOException {
        Mesh box = TestMeshes.boxWithLid();
        float[] p = box.positions().clone();
        p[4] = Float.NaN;
        byte[] data = bytes(new PlyWriter(), Mesh.of("nan", p, box.triangles(), null, java.util.List.of(), UpAxis.Y));
        fails("nan.ply", data, "vertex 1", "non-finite");
    }

    @Test
    public void plyIndexOutOfRange() {
        fails("range.ply", "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                + "property float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n"
                + "0 0 0\n1 0 0\n0 1 0\n3 0 1 7\n", "face 0 refers to vertex 7");
    }

    @Test
    public void plyPartNumbersAreBoundedBeforeNamesAreMade() {
        String header = "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
                + "element face 1\nproperty list uchar int vertex_indices\nproperty int part\nend_header\n0 0 0\n1 0 0\n0 1 0\n";
        // a 300-byte file once made two billion part names
        fails("parts.ply", header + "3 0 1 2 2000000000\n", "face 0 has part 2.0E9", "0..65535");
        fails("negative.ply", header + "3 0 1 2 -1\n", "face 0 has part -1.0");
    }

    @Test(timeout = 20_000)
    public void plyElementWithoutPropertiesCannotSpinOnItsCount() {
        // no bytes per instance, so no file size bounds the count: the reader once looped for ever
        fails("spin.ply", "ply\nformat binary_little_endian 1.0\nelement junk 4000000000000000000\nelement vertex 3\n"
                + "property float x\nproperty float y\nproperty float z\nend_header\n" + "\0".repeat(36),
                "element junk declares 4000000000000000000 instances but no properties");
    }

    @Test
    public void plyFractionalVertexIndexIsRefused() {
        fails("fraction.ply", "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                + "property float z\nelement face 1\nproperty list uchar float vertex_indices\nend_header\n"
                + "0 0 0\n1 0 0\n0 1 0\n3 0.9 1 2\n", "face 0 lists vertex index 0.9, which is not a whole number");
    }

    @Test
    public void facesOfHugeCoordinatesHaveTheirArea() {
        float[] p = {-3e38f, -3e38f, 0, 3e38f, -3e38f, 0, -3e38f, 3e38f, 0};
        assertTrue("differences that overflow float are taken in double", MeshAssembly.hasArea(p, 0, 1, 2));
    }

    @Test
    public void aByteOrderMarkBeforeTextIsSkipped() throws MeshReadException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] obj = "v 5 5 5\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf -3 -2 -1\n".getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[bom.length + obj.length];
        System.arraycopy(bom, 0, marked, 0, 3);
        System.arraycopy(obj, 0, marked, 3, obj.length);
        for (String name : new String[] {"marked.obj", "inline"}) {
            Mesh mesh = loader.read(MeshSource.inline(name, marked));
            assertEquals("the first vertex is not lost to the mark", 4, mesh.vertexCount());
        }
    }

    @Test
    public void plyMissingEndHeader() {
        fails("noend.ply", "ply\nformat ascii 1.0\nelement vertex 3\n", "no end_header");
    }

    @Test
    public void stlTruncatedBinary() throws IOException {
        byte[] whole = bytes(new StlWriter(), TestMeshes.boxWithLid());
        byte[] cut = Arrays.copyOf(whole, whole.length - 20);
        fails("cut.stl", cut, "declaring 12 triangles needs 684 bytes but the file has 664");
        fails("tiny.stl", Arrays.copyOf(whole, 40), "too short");
    }

    @Test
    public void stlAbsurdCountIsCheckedAgainstLimitsBeforeAllocating() {
        // 84 + 50 * n must match the size, so an absurd count can only come with a huge file: use small limits.
        byte[] data = new byte[84 + 50 * 3];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(80, 3);
        MeshLoader small = new MeshLoader(new MeshLimits(1 << 20, 1000, 2));
        MeshReadException e = assertThrows(MeshReadException.class,
                () -> small.read(MeshSource.inline("three.stl", data)));
        assertTrue(e.getMessage(), e.getMessage().contains("declares 3 faces; the limit is 2"));
    }

    @Test
    public void stlAsciiNanAndFourVertexFacet() {
        fails("nan.stl", "solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 NaN\nvertex 0 1 0\n"
                + "endloop\nendfacet\nendsolid x\n", "line 5", "finite number");
        fails("cut.stl", "solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\n"
                + "endloop\nendfacet\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\n", "ends inside a facet with 2 vertices");
        fails("unended.stl", "solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\n"
                + "facet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid x\n",
                "line 6", "before the one with 2 vertices ended");
        fails("quad.stl", "solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\n"
                + "vertex 1 1 0\nendloop\nendfacet\nendsolid x\n", "more than 3 vertices");
    }

    @Test
    public void limitsOnBytesVerticesAndFaces() throws IOException {
        Mesh box = TestMeshes.boxWithLid();
        MeshLoader tinyBytes = new MeshLoader(new MeshLimits(100, 1000, 1000));
        MeshLoader fewVertices = new MeshLoader(new MeshLimits(1 << 20, 7, 1000));
        MeshLoader fewFaces = new MeshLoader(new MeshLimits(1 << 20, 1000, 11));
        for (MeshWriter writer : new MeshWriter[] {new ObjWriter(), new PlyWriter(), new PlyWriter(true),
                new StlWriter(), new StlWriter(true), new OffWriter(), new GltfWriter()}) {
            byte[] data = bytes(writer, box);
            MeshSource source = MeshSource.inline("box." + writer.extension(), data);
            assertTrue(assertThrows(MeshReadException.class, () -> tinyBytes.read(source)).getMessage()
                    .contains("the limit is 100"));
            assertTrue(writer.extension(), assertThrows(MeshReadException.class, () -> fewVertices.read(source))
                    .getMessage().contains("vertices"));
            assertTrue(writer.extension(), assertThrows(MeshReadException.class, () -> fewFaces.read(source))
                    .getMessage().matches(".*(faces|triangles).*"));
        }
    }
}
