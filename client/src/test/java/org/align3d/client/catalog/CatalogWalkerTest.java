package org.align3d.client.catalog;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.align3d.client.bulk.AssetFailure;
import org.align3d.mesh.GltfWriter;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.ObjWriter;
import org.align3d.synth.Align3dSynth;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CatalogWalkerTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path root;
    private Mesh mesh;

    @Before
    public void setUp() throws IOException {
        root = tmp.newFolder("catalog").toPath();
        Align3dSynth synth = new Align3dSynth();
        mesh = synth.mesh(synth.plan(1, 1).get(0));
    }

    private Path obj(String relative) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        new ObjWriter().write(mesh, p);
        return p;
    }

    private void text(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    private Catalog walk() throws CatalogException {
        return new CatalogWalker(CatalogLimits.DEFAULTS).walk(root);
    }

    @Test
    public void findsMeshesOfEveryExtensionRecursivelyWithRelativeIdsInOrder() throws Exception {
        obj("b/chair.obj");
        text("a/x.ply", "ply\n");
        text("a/deep/er/y.STL", "solid y\n");
        text("c.off", "OFF\n");
        text("d.glb", "glTF");
        new GltfWriter().writeGltf(mesh, root.resolve("e.gltf"), GltfWriter.BufferPlacement.DATA_URI);
        text("notes.txt", "not a mesh");
        text("orphan.json", "{}");
        Catalog c = walk();
        assertEquals(List.of(), c.failures());
        assertEquals(List.of("a/deep/er/y.STL", "a/x.ply", "b/chair.obj", "c.off", "d.glb", "e.gltf"),
                c.entries().stream().map(CatalogEntry::id).toList());
        assertEquals("stl", c.entries().get(0).format());
        assertEquals(Files.size(root.resolve("b/chair.obj")), c.entries().get(2).bytes());
    }

    @Test
    public void aCatalogueGivenAsASymbolicLinkIsWalked() throws Exception {
        obj("b/chair.obj");
        Path link = tmp.getRoot().toPath().resolve("linked");
        Files.createSymbolicLink(link, root);
        Catalog catalog = new CatalogWalker(CatalogLimits.DEFAULTS).walk(link);
        assertEquals(1, catalog.entries().size());
        assertEquals("b/chair.obj", catalog.entries().get(0).id());
    }

    @Test
    public void aSidecarLinkingOutOfTheCatalogueIsRefused() throws Exception {
        obj("chair.obj");
        Path outside = tmp.newFile("secret.json").toPath();
        Files.writeString(outside, "{\"description\": \"not for the index\"}");
        Files.createSymbolicLink(root.resolve("chair.json"), outside);
        Catalog catalog = walk();
        assertEquals(0, catalog.entries().size());
        assertEquals(1, catalog.failures().size());
        assertTrue(catalog.failures().get(0).reason(), catalog.failures().get(0).reason().contains(
            "sidecar chair.json is a link to a file outside the catalogue folder"));
    }

    @Test
    public void skipsHiddenFilesAndFolders() throws Exception {
        obj(".cache/a.obj");
        obj(".b.obj");
        obj("c.obj");
        assertEquals(List.of("c.obj"), walk().entries().stream().map(CatalogEntry::id).toList());
    }

    @Test
    public void meshWithoutSidecarIsNamedAfterItsFile() throws Exception {
        obj("chairs/eames_lounge.obj");
        Sidecar s = walk().entries().get(0).sidecar();
        assertEquals("eames_lounge", s.name());
        assertEquals(List.of(), s.tags());
        assertNull(s.description());
    }

    @Test
    public void readsBothSidecarNamesPreferringTheFullFileName() throws Exception {
        obj("a.obj");
        text("a.json", "{\"name\": \"General\", \"tags\": [\"x\"]}");
        obj("b.obj");
        text("b.obj.json", "{\"name\": \"Specific\", \"tags\": [\"office\", \"chair\"], \"description\": \"a chair\"}");
        text("b.json", "{\"name\": \"General\"}");
        List<CatalogEntry> entries = walk().entries();
        assertEquals("General", entries.get(0).sidecar().name());
        assertEquals(List.of("x"), entries.get(0).sidecar().tags());
        assertEquals(new Sidecar("Specific", List.of("office", "chair"), "a chair"), entries.get(1).sidecar());
    }

    @Test
    public void sidecarWithoutNameKeepsTheFileName() throws Exception {
        obj("lamp.obj");
        text("lamp.json", "{\"tags\": [\"light\"]}");
        assertEquals("lamp", walk().entries().get(0).sidecar().name());
    }

    @Test
    public void invalidSidecarsFailTheirMeshWithAReasonAndTheOthersContinue() throws Exception {
        obj("good.obj");
        obj("bad-json.obj");
        text("bad-json.json", "{\"name\": \"x\",");
        obj("bad-tags.obj");
        text("bad-tags.json", "{\"tags\": \"chair\"}");
        obj("bad-field.obj");
        text("bad-field.json", "{\"tag\": [\"chair\"]}");
        obj("bad-root.obj");
        text("bad-root.json", "[1, 2]");
        obj("bad-tag.obj");
        text("bad-tag.json", "{\"tags\": [\"ok\", 3]}");
        Catalog c = walk();
        assertEquals(List.of("good.obj"), c.entries().stream().map(CatalogEntry::id).toList());
        assertEquals(5, c.failures().size());
        assertReason(c, "bad-field.obj", "bad-field.json: unknown sidecar field 'tag'");
        assertReason(c, "bad-json.obj", "bad-json.json: sidecar is not valid JSON");
        assertReason(c, "bad-root.obj", "sidecar must be a JSON object");
        assertReason(c, "bad-tag.obj", "sidecar tags[1] must be a string, found number 3");
        assertReason(c, "bad-tags.obj", "sidecar field 'tags' must be an array of strings");
    }

    @Test
    public void sidecarLimitsAreEnforced() throws Exception {
        obj("big.obj");
        text("big.json", "{\"description\": \"" + "x".repeat(100) + "\"}");
        obj("long.obj");
        text("long.json", "{\"name\": \"" + "n".repeat(Sidecar.MAX_NAME_CHARS + 1) + "\"}");
        Catalog c = new CatalogWalker(new CatalogLimits(1 << 20, 50, 10)).walk(root);
        assertReason(c, "big.obj", "sidecar is 119 bytes, more than the limit of 50");
        assertReason(c, "long.obj", "sidecar is"); // over 50 bytes as well
        c = new CatalogWalker(new CatalogLimits(1 << 20, 1 << 20, 10)).walk(root);
        assertReason(c, "long.obj", "sidecar field 'name' has 1001 characters, more than the limit of 1000");
    }

    @Test
    public void filesOverTheSizeLimitAndEmptyFilesFail() throws Exception {
        Path big = obj("big.obj");
        text("empty.stl", "");
        long size = Files.size(big);
        Catalog c = new CatalogWalker(CatalogLimits.DEFAULTS.withMaxFileBytes(size - 1)).walk(root);
        assertEquals(List.of(), c.entries());
        assertReason(c, "big.obj", "file is " + size + " bytes, more than the limit of " + (size - 1));
        assertReason(c, "empty.stl", "file is empty");
        assertEquals(1, new CatalogWalker(CatalogLimits.DEFAULTS.withMaxFileBytes(size)).walk(root).entries().size());
    }

    @Test
    public void gltfWithExternalBuffersIsRefusedNamingTheBuffer() throws Exception {
        new GltfWriter().writeGltf(mesh, root.resolve("ext.gltf"), GltfWriter.BufferPlacement.EXTERNAL_FILE);
        Catalog c = walk();
        assertEquals(List.of(), c.entries());
        assertReason(c, "ext.gltf", "glTF buffers[0] refers to the external file 'ext.bin'");
    }

    @Test
    public void tooManyFilesStopsTheWalk() throws Exception {
        obj("a.obj");
        obj("b.obj");
        obj("c.obj");
        try {
            new CatalogWalker(new CatalogLimits(1 << 20, 1 << 10, 2)).walk(root);
            fail();
        } catch (CatalogException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("holds more than 2 mesh files"));
        }
    }

    @Test
    public void idsLongerThanOpenSearchAcceptsFail() throws Exception {
        String dir = "d".repeat(200);
        obj(dir + "/" + dir + "/" + "m".repeat(120) + ".obj");
        assertReason(walk(), dir + "/" + dir + "/" + "m".repeat(120) + ".obj", "longer than 512 UTF-8 bytes");
    }

    @Test
    public void missingFolderIsAnError() {
        try {
            new CatalogWalker(CatalogLimits.DEFAULTS).walk(root.resolve("nope"));
            fail();
        } catch (CatalogException e) {
            assertTrue(e.getMessage(), e.getMessage().endsWith("nope is not a directory"));
        }
    }

    @Test
    public void entryLoadsTheFileAndNoticesChanges() throws Exception {
        Path p = obj("chair.obj");
        CatalogEntry e = walk().entries().get(0);
        assertEquals(Files.size(p), e.load().asset().length);
        assertEquals("chair.obj", e.load().file());
        Files.writeString(p, "v 0 0 0\n", StandardCharsets.UTF_8);
        try {
            e.load();
            fail();
        } catch (IOException ex) {
            assertTrue(ex.getMessage(), ex.getMessage().startsWith("file changed during indexing"));
        }
    }

    private static void assertReason(Catalog c, String id, String expected) {
        for (AssetFailure f : c.failures()) {
            if (f.id().equals(id)) {
                assertTrue(f.reason(), f.reason().contains(expected));
                return;
            }
        }
        fail("no failure for " + id + " in " + c.failures());
    }
}
