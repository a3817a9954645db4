package org.align3d.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.align3d.files.FileTrees;
import org.align3d.mesh.GltfWriter;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.MeshWriter;
import org.align3d.mesh.ObjWriter;
import org.align3d.mesh.OffWriter;
import org.align3d.mesh.PlyWriter;
import org.align3d.mesh.StlWriter;
import org.align3d.synth.Align3dSynth;
import org.align3d.synth.SampleSpec;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code ./align3d index} against {@code ./align3d serve}: a folder of generated meshes in every format (with
 * sidecars, one broken mesh and one bad sidecar) is indexed through the shape_embedding pipeline, the summary and
 * the document count agree, a second run skips everything already indexed, and the documents are searchable
 * with neural_shape.
 */
public class IndexEndToEndTest {

    private static ServerProcess server;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @BeforeClass
    public static void startServer() throws Exception {
        server = ServerProcess.start(Files.createTempDirectory("align3d-e2e-index"));
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.close();
            FileTrees.delete(server.home);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.httpPort;
    }

    /** Six good meshes (OBJ, PLY, STL, OFF, GLB, self-contained glTF) of six categories, four with sidecars. */
    private static List<SampleSpec> writeGoodMeshes(Path dir) throws IOException {
        Align3dSynth synth = new Align3dSynth();
        List<SampleSpec> specs = synth.plan(7, 6); // categories in turn: chair, table, desk, lamp, bed, sofa
        List<MeshWriter> writers = List.of(new ObjWriter(), new PlyWriter(), new StlWriter(), new OffWriter(),
                new GltfWriter());
        for (int i = 0; i < 5; i++) {
            Path file = dir.resolve(specs.get(i).category() + "/" + specs.get(i).id() + "." + writers.get(i).extension());
            Files.createDirectories(file.getParent());
            writers.get(i).write(synth.mesh(specs.get(i)), file);
        }
        Path gltf = dir.resolve("sofa/" + specs.get(5).id() + ".gltf");
        Files.createDirectories(gltf.getParent());
        new GltfWriter().writeGltf(synth.mesh(specs.get(5)), gltf, GltfWriter.BufferPlacement.DATA_URI);
        for (int i = 0; i < 4; i++) {
            SampleSpec s = specs.get(i);
            Path mesh = dir.resolve(s.category() + "/" + s.id() + "." + writers.get(i).extension());
            Files.writeString(mesh.resolveSibling(mesh.getFileName() + ".json"), """
                    {"name": "%s number %d", "tags": ["%s", "e2e"], "description": "%s"}"""
                    .formatted(s.category(), i, s.category(), s.captions().get(s.captions().size() - 1).text()),
                    StandardCharsets.UTF_8);
        }
        return specs;
    }

    @Test
    public void indexesEveryFormatReportsFailuresAndResumes() throws Exception {
        Path dir = tmp.newFolder("catalog").toPath();
        List<SampleSpec> specs = writeGoodMeshes(dir);
        // broken: an ASCII STL cut off in its first facet
        Files.writeString(dir.resolve("broken.stl"), "solid cut\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n   vertex 1 0\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("broken.obj"), "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("broken.obj.json"), "{\"name\": \"x\", \"colour\": \"red\"}", StandardCharsets.UTF_8);

        Launcher.Result first = Launcher.run(Map.of(), "index", dir.toString(), "--url", url(), "--index", "e2e-catalog",
                "--batch-docs", "3");
        assertEquals(first.output(), 1, first.exitCode());
        assertTrue(first.output(), first.output().contains("indexed 6, skipped 0 (already indexed), failed 2 of 8 files"));
        assertTrue(first.output(), first.output().contains("failed broken.obj: broken.obj.json: unknown sidecar field 'colour'"));
        String brokenLine = first.lines().stream().filter(l -> l.contains("failed broken.stl: ")).findFirst()
                .orElseThrow(() -> new AssertionError(first.output()));
        assertTrue(brokenLine, brokenLine.contains("document [broken.stl]: field [asset]: line 5: expected vertex z"));
        assertTrue(first.output(), first.output().contains("created index e2e-catalog"));
        assertEquals(6, server.get("/e2e-catalog/_count").get("count").asInt());

        SampleSpec chair = specs.get(0);
        JsonNode doc = server.get("/e2e-catalog/_doc/" + chair.category() + "%2F" + chair.id() + ".obj");
        assertEquals("chair number 0", doc.at("/_source/name").asText());
        assertEquals("e2e", doc.at("/_source/tags/1").asText());
        assertEquals("obj", doc.at("/_source/format").asText());
        assertFalse("the asset bytes are not kept in _source", doc.get("_source").has("asset"));
        JsonNode sofa = server.get("/e2e-catalog/_doc/sofa%2F" + specs.get(5).id() + ".gltf");
        assertEquals(specs.get(5).id(), sofa.at("/_source/name").asText());

        Launcher.Result second = Launcher.run(Map.of(), "index", dir.toString(), "--url", url(), "--index", "e2e-catalog");
        assertEquals(second.output(), 1, second.exitCode());
        assertTrue(second.output(), second.output().contains("indexed 0, skipped 6 (already indexed), failed 2 of 8 files"));
        assertFalse(second.output(), second.output().contains("created index"));
        assertEquals(6, server.get("/e2e-catalog/_count").get("count").asInt());

        JsonNode hits = server.send("POST", "/e2e-catalog/_search", """
                {"query": {"neural_shape": {"shape": {"query_text": "%s", "k": 3, "num_candidates": 10, "rerank": true}}}}"""
                .formatted(chair.captions().get(chair.captions().size() - 1).text())).at("/hits/hits");
        assertEquals(hits.toString(), 3, hits.size());
        for (JsonNode hit : hits) {
            double score = hit.get("_score").asDouble();
            assertTrue(hits.toString(), score >= 0 && score <= 1);
        }

        JsonNode hybrid = server.send("POST", "/e2e-catalog/_search", """
                {"query": {"bool": {"must": [{"neural_shape": {"shape": {"query_text": "a piece of furniture", "k": 6}}}],
                  "filter": [{"term": {"tags": "e2e"}}]}}}""").at("/hits/hits");
        assertEquals(hybrid.toString(), 4, hybrid.size());
    }

    @Test
    public void aCleanFolderExitsZero() throws Exception {
        Path dir = tmp.newFolder("clean").toPath();
        writeGoodMeshes(dir);
        Launcher.Result r = Launcher.run(Map.of(), "index", dir.toString(), "--url", url(), "--index", "e2e-clean",
                "--pipeline", "e2e-clean-pipeline", "--batch-bytes", "40k", "--concurrency", "3");
        assertEquals(r.output(), 0, r.exitCode());
        assertTrue(r.output(), r.output().contains("indexed 6, skipped 0 (already indexed), failed 0 of 6 files"));
        assertTrue(r.output(), r.output().contains("created ingest pipeline e2e-clean-pipeline"));
        assertEquals(6, server.get("/e2e-clean/_count").get("count").asInt());

        // a Z-up catalog gets its own pipeline; the existing one, reading files Y-up, is never reused for it
        Launcher.Result mixed = Launcher.run(Map.of(), "index", dir.toString(), "--url", url(), "--index", "e2e-clean",
                "--pipeline", "e2e-clean-pipeline", "--up-axis", "z");
        assertEquals(mixed.output(), 1, mixed.exitCode());
        assertTrue(mixed.output(), mixed.output().contains("pipeline 'e2e-clean-pipeline' exists and reads assets in their "
                + "formats' up axes, not with up_axis 'z'; pass no --up-axis or another --pipeline"));
        Launcher.Result zUp = Launcher.run(Map.of(), "index", dir.toString(), "--url", url(), "--index", "e2e-z-up",
                "--pipeline", "e2e-z-up-pipeline", "--up-axis", "z");
        assertEquals(zUp.output(), 0, zUp.exitCode());
        assertEquals("z", server.get("/_ingest/pipeline/e2e-z-up-pipeline")
                .at("/e2e-z-up-pipeline/processors/0/shape_embedding/up_axis").asText());
        assertEquals(6, server.get("/e2e-z-up/_count").get("count").asInt());
    }

    @Test
    public void anIndexWithoutAShapeFieldIsNeverTouched() throws Exception {
        server.send("PUT", "/e2e-plain", "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
        Path dir = tmp.newFolder("plain").toPath();
        writeGoodMeshes(dir);
        Launcher.Result r = Launcher.run(Map.of(), "index", dir.toString(), "--url", url(), "--index", "e2e-plain");
        assertEquals(r.output(), 1, r.exitCode());
        assertTrue(r.output(), r.output().contains("index 'e2e-plain' exists but its field 'shape' is missing"));
        assertEquals(0, server.get("/e2e-plain/_count").get("count").asInt());
    }

    @Test
    public void anUnreachableNodeIsOneClearLine() throws Exception {
        Path dir = tmp.newFolder("any").toPath();
        Launcher.Result r = Launcher.run(Map.of(), "index", dir.toString(), "--url", "http://127.0.0.1:" + Launcher.freePort());
        assertEquals(r.output(), 1, r.exitCode());
        assertTrue(r.output(), r.output().contains("cannot reach OpenSearch at http://127.0.0.1:"));
        assertFalse(r.output(), r.output().contains("Exception"));
    }

    @Test
    public void badFlagsPrintUsageAndExitTwo() throws Exception {
        Launcher.Result r = Launcher.run(Map.of(), "index", "/tmp", "--batch-docs", "0");
        assertEquals(r.output(), 2, r.exitCode());
        assertTrue(r.output(), r.output().contains("--batch-docs must be in 1..10000, got 0"));
        assertTrue(r.output(), r.output().contains("usage: ./align3d index DIR"));
        r = Launcher.run(Map.of(), "index", "--help");
        assertEquals(r.output(), 0, r.exitCode());
    }
}
