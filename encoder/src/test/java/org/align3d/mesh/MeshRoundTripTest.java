package org.align3d.mesh;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Every writer's output is read back, through format detection, into the same geometry and parts. */
public class MeshRoundTripTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final MeshLoader loader = new MeshLoader();
    private final Mesh box = TestMeshes.boxWithLid();

    private Mesh roundTrip(MeshWriter writer, String fileName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(box, out);
        // a misleading name: detection must go by content
        Path file = tmp.getRoot().toPath().resolve(fileName);
        Files.write(file, out.toByteArray());
        return loader.read(file);
    }

    private void assertSameSurface(Mesh read) {
        assertEquals(12, read.faceCount());
        assertEquals(TestMeshes.area(box), TestMeshes.area(read), 1e-5);
        assertEquals(6.0, TestMeshes.signedVolume(read), 1e-5); // same winding, outward
    }

    @Test
    public void objKeepsVerticesTrianglesAndGroups() throws IOException {
        Mesh read = roundTrip(new ObjWriter(), "box.bin");
        assertArrayEquals(box.positions(), read.positions(), 0f);
        assertSameSurface(read);
        assertEquals(List.of("box", "lid"), read.partNames());
        assertEquals(TestMeshes.areaByPart(box), TestMeshes.areaByPart(read));
        assertEquals(UpAxis.Y, read.upAxis());
    }

    @Test
    public void binaryPlyKeepsEverything() throws IOException {
        Mesh read = roundTrip(new PlyWriter(), "box.obj");
        assertArrayEquals(box.positions(), read.positions(), 0f);
        assertArrayEquals(box.triangles(), read.triangles());
        assertArrayEquals(box.faceParts(), read.faceParts());
        assertEquals(box.partNames(), read.partNames());
    }

    @Test
    public void asciiPlyKeepsEverything() throws IOException {
        Mesh read = roundTrip(new PlyWriter(true), "box");
        assertArrayEquals(box.positions(), read.positions(), 0f);
        assertArrayEquals(box.triangles(), read.triangles());
        assertArrayEquals(box.faceParts(), read.faceParts());
    }

    @Test
    public void binaryStlThatStartsWithSolidIsReadAsBinary() throws IOException {
        Mesh read = roundTrip(new StlWriter(), "box.txt");
        assertEquals(36, read.vertexCount()); // a triangle soup
        assertSameSurface(read);
        assertNull(read.faceParts());
        assertEquals(UpAxis.Z, read.upAxis());
    }

    @Test
    public void asciiStl() throws IOException {
        assertSameSurface(roundTrip(new StlWriter(true), "box.stl"));
    }

    @Test
    public void off() throws IOException {
        Mesh read = roundTrip(new OffWriter(), "box.ply");
        assertArrayEquals(box.positions(), read.positions(), 0f);
        assertArrayEquals(box.triangles(), read.triangles());
    }

    @Test
    public void glbKeepsPartsAsNamedMeshes() throws IOException {
        Mesh read = roundTrip(new GltfWriter(), "box.gltf");
        assertSameSurface(read);
        assertEquals(List.of("box", "lid"), read.partNames());
        assertEquals(TestMeshes.areaByPart(box), TestMeshes.areaByPart(read));
    }

    @Test
    public void gltfWithDataUriAndWithExternalBuffer() throws IOException {
        for (GltfWriter.BufferPlacement placement : GltfWriter.BufferPlacement.values()) {
            Path file = tmp.newFolder(placement.name()).toPath().resolve("box.gltf");
            new GltfWriter().writeGltf(box, file, placement);
            Mesh read = loader.read(file);
            assertSameSurface(read);
            Map<String, Double> parts = TestMeshes.areaByPart(read);
            assertEquals(TestMeshes.areaByPart(box), parts);
        }
    }

    @Test
    public void pointCloudPlyKeepsNormalsAndParts() throws IOException {
        float[] p = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
        float[] n = {0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1};
        Mesh cloud = new Mesh("cloud", p, new int[0], n, null, new int[] {0, 1, 1, 0}, List.of("a", "b"), UpAxis.Y);
        for (boolean ascii : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PlyWriter(ascii).write(cloud, out);
            Mesh read = loader.read(MeshSource.inline("cloud.ply", out.toByteArray()));
            assertEquals(0, read.faceCount());
            assertArrayEquals(p, read.positions(), 0f);
            assertNotNull(read.vertexNormals());
            assertArrayEquals(n, read.vertexNormals(), 0f);
            assertArrayEquals(new int[] {0, 1, 1, 0}, read.vertexParts());
            assertEquals(List.of("a", "b"), read.partNames());
        }
    }
}
