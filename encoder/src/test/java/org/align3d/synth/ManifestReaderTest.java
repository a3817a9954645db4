package org.align3d.synth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.align3d.mesh.UpAxis;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Users' own catalogs: minimal lines, relative and absolute paths, and errors naming the line. */
public class ManifestReaderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path dir;
    private Path elsewhere;

    @Before
    public void meshes() throws IOException {
        dir = tmp.newFolder("catalog").toPath();
        Files.createDirectories(dir.resolve("shapes"));
        Files.writeString(dir.resolve("shapes/a.obj"), "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
        elsewhere = tmp.newFolder("other").toPath().resolve("b.obj");
        Files.writeString(elsewhere, "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
    }

    private Path manifest(String... lines) throws IOException {
        Path file = dir.resolve("manifest.jsonl");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private String fails(String... lines) throws IOException {
        Path file = manifest(lines);
        return assertThrows(ManifestException.class, () -> new ManifestReader().read(file)).getMessage();
    }

    @Test
    public void aBlankIdIsRefused() throws Exception {
        String message = fails("{\"id\": \" \", \"mesh\": \"shapes/a.obj\", \"captions\": [\"a red triangle\"]}");
        assertTrue(message, message.contains("line 1: id must not be blank"));
    }

    @Test
    public void aByteOrderMarkBeforeTheFirstLineIsSkipped() throws Exception {
        Path file = manifest("\uFEFF{\"mesh\": \"shapes/a.obj\", \"captions\": [\"a red triangle\"]}");
        assertEquals(List.of("a red triangle"), new ManifestReader().read(file).get(0).captions());
    }

    @Test
    public void minimalUserLinesWithRelativeAndAbsolutePaths() throws Exception {
        Path file = manifest("{\"mesh\": \"shapes/a.obj\", \"captions\": [\"a red triangle\"]}", "",
                "{\"mesh\": \"" + elsewhere + "\", \"captions\": [\"a sign\", \"a warning sign\"], \"extra\": 1, "
                        + "\"up_axis\": \"Z\"}");
        List<ManifestEntry> entries = new ManifestReader().read(file);
        assertEquals(2, entries.size());
        ManifestEntry a = entries.get(0);
        assertEquals(dir.resolve("shapes/a.obj").toAbsolutePath(), a.mesh());
        assertEquals("shapes/a.obj", a.id());
        assertEquals(List.of("a red triangle"), a.captions());
        assertNull(a.split());
        assertNull(a.category());
        assertTrue(a.attributes().isEmpty() && a.partNames().isEmpty());
        assertEquals(3, entries.get(1).line());
        assertEquals(elsewhere, entries.get(1).mesh());
        assertNull("the format's convention unless a line declares one", a.upAxis());
        assertEquals(UpAxis.Z, entries.get(1).upAxis());
    }

    @Test
    public void errorsNameTheLineAndTheProblem() throws IOException {
        String ok = "{\"mesh\": \"shapes/a.obj\", \"captions\": [\"x\"]}";
        assertTrue(fails(ok, "{\"mesh\": \"shapes/missing.obj\", \"captions\": [\"x\"]}")
                .matches(".*manifest.jsonl line 2: mesh 'shapes/missing.obj' not found.*"));
        assertTrue(fails("{\"mesh\": \"shapes/a.obj\"}").contains("line 1: captions must hold one or more"));
        assertTrue(fails("{\"mesh\": \"shapes/a.obj\", \"captions\": [\" \"]}").contains("line 1: captions"));
        assertTrue(fails("{\"captions\": [\"x\"]}").contains("line 1: missing mesh"));
        assertTrue(fails(ok, "{\"mesh\": \"shapes/a.obj\", \"captions\": [\"x\"").contains("line 2: invalid JSON"));
        assertTrue(fails(ok, ok).contains("line 2: id 'shapes/a.obj' appears twice"));
        assertTrue(fails("{\"mesh\": \"shapes/a.obj\", \"captions\": [\"x\"], \"split\": \"dev\"}")
                .contains("line 1: unknown split 'dev'"));
        assertTrue(fails("{\"mesh\": \"shapes/a.obj\", \"captions\": [\"x\", \"y\"], \"caption_templates\": [\"t0\"]}")
                .contains("line 1: caption_templates has 1 entries for 2 captions"));
        assertTrue(fails("{\"mesh\": 5, \"captions\": [\"x\"]}").contains("line 1: mesh must be a string"));
        assertTrue(fails("", "").contains("has no entries"));
        assertTrue(fails("{\"mesh\": \"shapes/a.obj\", \"captions\": [\"x\"], \"up_axis\": \"-y\"}")
                .contains("line 1: up axis [-y] is not one of [y, z]"));
    }
}
