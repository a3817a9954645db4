package org.align3d.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.align3d.files.FileTrees;
import org.align3d.mesh.GltfWriter;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.ObjWriter;
import org.align3d.mesh.PlyWriter;
import org.align3d.synth.Align3dSynth;
import org.align3d.synth.SampleSpec;
import org.junit.After;
import org.junit.Test;

/**
 * align3d under OpenSearch 3's java agent, as in a cluster: {@code ./align3d serve --security-agent} installs the zip
 * and enforces every plugin's {@code plugin-security.policy} (see the README, "Installing into an OpenSearch 3.8.0
 * cluster"). With a fresh DJL cache directory, so the PyTorch and tokenizer natives are unpacked under the policy, the
 * node starts its engines, ingests assets sent inline and read from asset roots (one granted by the JVM property
 * {@code align3d.assets.dir}, one inside the config directory, a glTF whose buffer is a second file), registers a
 * bundle from the config directory (a directory and a zip), answers {@code neural_shape} and {@code _segment}, and refuses to read a root
 * the policy does not grant: the proof that the agent enforces, since without it that read succeeds.
 */
public class SecurityAgentEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path base;
    private ServerProcess server;

    @After
    public void stopAndCleanUp() throws Exception {
        if (server != null) {
            server.close();
        }
        if (base != null) {
            FileTrees.delete(base); // the fresh DJL cache alone is ~450 MB
        }
    }

    @Test
    public void indexSearchAndSegmentOnANodeEnforcingThePolicy() throws Exception {
        base = Files.createTempDirectory("align3d-e2e-agent");
        Path home = base.resolve("node");
        Path granted = Files.createDirectories(base.resolve("assets"));
        Path inConfig = Files.createDirectories(home.resolve("config/assets"));
        Path refused = Files.createDirectories(base.resolve("elsewhere"));
        Path djlCache = base.resolve("djl-cache");
        Files.writeString(home.resolve("config/opensearch.yml"),
            "align3d.assets.roots: [\"" + granted + "\", \"" + inConfig + "\", \"" + refused + "\"]\n");

        Align3dSynth synth = new Align3dSynth();
        List<SampleSpec> specs = synth.plan(5, 4);
        Mesh chair = synth.mesh(specs.get(0));
        new ObjWriter().write(synth.mesh(specs.get(1)), granted.resolve("one.obj"));
        new GltfWriter().writeGltf(synth.mesh(specs.get(2)), granted.resolve("two.gltf"), GltfWriter.BufferPlacement.EXTERNAL_FILE);
        new PlyWriter().write(synth.mesh(specs.get(3)), inConfig.resolve("three.ply"));
        new ObjWriter().write(chair, refused.resolve("four.obj"));

        server = ServerProcess.start(home, Map.of(
            "DJL_CACHE_DIR", djlCache.toString(),
            "OPENSEARCH_TMPDIR", Files.createDirectories(base.resolve("tmp")).toString(),
            "OPENSEARCH_JAVA_OPTS", "-Dalign3d.assets.dir=" + granted), "--security-agent");
        assertTrue(server.output(), server.output().contains("security agent enforcing the plugins' policies"));

        JsonNode engine = server.get("/_plugins/align3d").get("engine");
        assertEquals("PyTorch", engine.get("name").asText());
        assertTrue("natives unpacked under the policy into " + djlCache, Files.isDirectory(djlCache.resolve("pytorch")));

        server.send("PUT", "/_ingest/pipeline/shapes", """
            {"processors": [{"shape_embedding": {"model_id": "align3d-default", "field_map": {"asset": "shape"}}}]}""");
        server.send("PUT", "/catalog", """
            {"settings": {"index": {"align3d": true, "number_of_shards": 1, "number_of_replicas": 0, "default_pipeline": "shapes"}},
             "mappings": {"_source": {"excludes": ["asset"]}, "properties": {
               "name": {"type": "keyword"}, "shape": {"type": "shape_vector", "model_id": "align3d-default"}}}}""");
        ByteArrayOutputStream glb = new ByteArrayOutputStream();
        new GltfWriter().write(chair, glb);
        StringBuilder bulk = new StringBuilder();
        Map<String, String> assets = Map.of("inline", Base64.getEncoder().encodeToString(glb.toByteArray()),
            "granted-obj", "one.obj", "granted-gltf", "two.gltf", "config-ply", "three.ply", "refused", "four.obj");
        for (Map.Entry<String, String> a : assets.entrySet()) {
            ObjectNode doc = JSON.createObjectNode().put("name", a.getKey()).put("asset", a.getValue());
            bulk.append("{\"index\": {\"_id\": \"").append(a.getKey()).append("\"}}\n").append(JSON.writeValueAsString(doc)).append('\n');
        }
        JsonNode items = server.send("POST", "/catalog/_bulk?refresh=true", bulk.toString()).get("items");
        for (JsonNode item : items) {
            JsonNode index = item.get("index");
            if (index.get("_id").asText().equals("refused")) {
                String reason = index.at("/error/reason").asText();
                assertTrue(reason, reason.contains("was denied by the node's security policy"));
                assertTrue(reason, reason.contains(refused.toString()));
            } else {
                assertFalse(index.toString(), index.has("error"));
            }
        }

        JsonNode hits = server.send("POST", "/catalog/_search", """
            {"query": {"neural_shape": {"shape": {"query_text": "a chair with four legs", "k": 10}}}}""").at("/hits/hits");
        assertEquals(hits.toString(), 4, hits.size());

        JsonNode seg = server.send("POST", "/_plugins/align3d/_segment", "{\"asset\": \"two.gltf\", \"parts\": [\"seat\", \"leg\"]}");
        assertEquals(seg.get("points").size(), seg.get("labels").size());

        BundleCopies.directory(home.resolve("config/align3d/models/copied"));
        JsonNode registered = server.send("POST", "/_plugins/align3d/models", "{\"id\": \"copied\"}");
        assertTrue(registered.toString(), registered.at("/models/0/loaded").asBoolean());
        // a zipped bundle is read in place through the policy's read grant on the config directory
        BundleCopies.zip(home.resolve("config/align3d/models/zipped.zip"));
        JsonNode zipped = server.send("POST", "/_plugins/align3d/models", "{\"id\": \"zipped\"}");
        assertTrue(zipped.toString(), zipped.at("/models/0/loaded").asBoolean());
        assertTrue(zipped.toString(), zipped.at("/models/0/part_head").asBoolean());
        JsonNode zipSeg = server.send("POST", "/_plugins/align3d/_segment",
            "{\"asset\": \"two.gltf\", \"parts\": [\"seat\", \"leg\"], \"model_id\": \"zipped\"}");
        assertEquals(seg.get("labels"), zipSeg.get("labels"));

        // every refusal the agent logged is the one asked for
        String log = server.output();
        for (String line : log.lines().filter(l -> l.contains("Denied ")).toList()) {
            assertTrue("unexpected refusal: " + line + "\n" + server.tail(), line.contains(refused.toString()));
        }
    }
}
