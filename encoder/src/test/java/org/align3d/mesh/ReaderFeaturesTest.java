package org.align3d.mesh;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

/** Format features the writers do not produce: n-gons, relative indices, header variants, big endian. */
public class ReaderFeaturesTest {

    private final MeshLoader loader = new MeshLoader();

    @Test
    public void objPolygonsRelativeIndicesCornerFormsAndGroups() throws MeshReadException {
        String obj = """
                # a comment
                mtllib box.mtl
                o thing
                v 0 0 0
                v 1 0 0
                v 1 1 0
                v 0 1 0
                v 0.5 0.5 1.0 1.0
                vt 0 0
                vn 0 0 1
                usemtl red
                f 1/1/1 2/1/1 3/1/1 4/1/1
                g roof
                s off
                f -5//1 -4//1 -1//1
                f 2/1 3/1 5/1
                l 1 2
                """;
        Mesh mesh = loader.read(TestMeshes.source("x.dat", obj));
        assertEquals(5, mesh.vertexCount());
        assertEquals(4, mesh.faceCount()); // quad -> 2, then two triangles
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3, 0, 1, 4, 1, 2, 4}, mesh.triangles());
        assertEquals(List.of("thing", "roof"), mesh.partNames());
        assertArrayEquals(new int[] {0, 0, 1, 1}, mesh.faceParts());
    }

    @Test
    public void objWithoutFacesIsAPointCloud() throws MeshReadException {
        Mesh mesh = loader.read(TestMeshes.source("p.obj", "v 0 0 0\nv 1 2 3\n"));
        assertEquals(0, mesh.faceCount());
        assertEquals(2, mesh.vertexCount());
    }

    @Test
    public void offVariantsCommentsAndCountsOnTheHeaderLine() throws MeshReadException {
        String coff = "# colours\nCOFF\n4 1 0\n0 0 0 255 0 0 255\n1 0 0 255 0 0 255\n1 1 0 0 0 0 0\n"
                + "0 1 0 0 0 0 0\n4 0 1 2 3 255 255 255\n";
        assertEquals(2, loader.read(TestMeshes.source("c", coff)).faceCount());
        String noff = "NOFF 3 1 0\n0 0 0 0 0 1\n1 0 0 0 0 1\n0 1 0 0 0 1\n\n# face\n3 0 1 2\n";
        Mesh mesh = loader.read(TestMeshes.source("n", noff));
        assertEquals(1, mesh.faceCount());
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, mesh.positions(), 0f);
    }

    @Test
    public void bigEndianPlyWithExtraElementsAndProperties() throws MeshReadException {
        String header = "ply\nformat binary_big_endian 1.0\ncomment made by hand\nelement vertex 3\nproperty double x\n"
                + "property double y\nproperty double z\nproperty uchar red\nelement face 1\n"
                + "property list uchar uint vertex_indices\nproperty list uchar float texcoord\n"
                + "element edge 1\nproperty int vertex1\nproperty int vertex2\nend_header\n";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(head.length + 3 * 25 + 13 + 1 + 8 + 8).order(ByteOrder.BIG_ENDIAN);
        b.put(head);
        double[][] v = {{0, 0, 0}, {2, 0, 0}, {0, 2, 0}};
        for (double[] x : v) {
            b.putDouble(x[0]).putDouble(x[1]).putDouble(x[2]).put((byte) 7);
        }
        b.put((byte) 3).putInt(0).putInt(1).putInt(2);
        b.put((byte) 2).putFloat(0.5f).putFloat(0.5f);
        b.putInt(0).putInt(1);
        Mesh mesh = loader.read(MeshSource.inline("be.ply", b.array()));
        assertArrayEquals(new float[] {0, 0, 0, 2, 0, 0, 0, 2, 0}, mesh.positions(), 0f);
        assertArrayEquals(new int[] {0, 1, 2}, mesh.triangles());
        assertNull(mesh.faceParts());
        assertEquals(2.0, TestMeshes.area(mesh), 1e-9);
    }

    @Test
    public void detectionGoesByContentWithTheNameAsAHint() throws MeshReadException {
        assertEquals(MeshFormat.OBJ, MeshFormat.detect("a.stl", "# c\nv 0 0 0\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(MeshFormat.OFF, MeshFormat.detect("a.obj", "OFF\n0 0 0\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(MeshFormat.PLY, MeshFormat.detect("a.off", "ply\r\nformat ascii 1.0\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(MeshFormat.GLTF, MeshFormat.detect("a", "{\"asset\":{}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(MeshFormat.STL, MeshFormat.detect("a", "solid x\nfacet normal 0 0 1\n".getBytes(StandardCharsets.UTF_8)));
        // "solid" without facets is not enough; the name decides
        assertEquals(MeshFormat.OBJ, MeshFormat.detect("a.obj", "solid\nstate\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(MeshFormat.STL, MeshFormat.detect("a.stl", new byte[] {1, 2, 3}));
    }

    @Test
    public void objFacesOfOneOrTwoCornersAreLooseEdgesAndSkipped() throws MeshReadException {
        byte[] obj = "v 0 0 0\nv 1 0 0\nv 0 0 1\nf 1 2\nf 3\nf 1 2 3\n".getBytes(StandardCharsets.UTF_8);
        Mesh mesh = loader.read(MeshSource.inline("edges.obj", obj));
        assertEquals(1, mesh.faceCount());
        byte[] bad = "v 0 0 0\nv 1 0 0\nv 0 0 1\nf 1 7\nf 1 2 3\n".getBytes(StandardCharsets.UTF_8);
        MeshReadException e = assertThrows(MeshReadException.class, () -> loader.read(MeshSource.inline("e.obj", bad)));
        assertTrue(e.getMessage(), e.getMessage().contains("line 4") && e.getMessage().contains("vertex 7"));
    }

    @Test
    public void aDeclaredUpAxisReplacesTheFormatsConvention() throws MeshReadException {
        byte[] obj = "v 0 0 0\nv 1 0 0\nv 0 0 1\nf 1 2 3\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(UpAxis.Y, loader.read(MeshSource.inline("a.obj", obj)).upAxis());
        assertEquals(UpAxis.Z, loader.read(MeshSource.inline("a.obj", obj).withUpAxis(UpAxis.Z)).upAxis());
        byte[] stl = ("solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\n"
                + "endfacet\nendsolid x\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(UpAxis.Z, loader.read(MeshSource.inline("a.stl", stl)).upAxis());
        assertEquals(UpAxis.Y, loader.read(MeshSource.inline("a.stl", stl).withUpAxis(UpAxis.Y)).upAxis());
        assertEquals(UpAxis.Z, UpAxis.parse(" z "));
        assertEquals("up axis [up] is not one of [y, z]",
                assertThrows(IllegalArgumentException.class, () -> UpAxis.parse("up")).getMessage());
    }
}
