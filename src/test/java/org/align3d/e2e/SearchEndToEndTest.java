package org.align3d.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
import org.align3d.synth.Caption;
import org.align3d.synth.SampleSpec;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.opensearch.client.ResponseException;

/**
 * Text-to-3D search end to end, over HTTP against a real node with align3d installed from its zip and the default
 * model bundle: an ingest pipeline embeds generated assets sent in every mesh format through the bulk API, and
 * neural_shape queries (text, hybrid, filtered, by example, with part matches) find them.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SearchEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<MeshWriter> WRITERS = List.of(new GltfWriter(), new ObjWriter(), new PlyWriter(), new PlyWriter(true),
        new StlWriter(), new StlWriter(true), new OffWriter());
    private static Path home;
    private static ServerProcess server;
    private static final List<SampleSpec> specs = new ArrayList<>();

    @BeforeClass
    public static void indexCatalog() throws Exception {
        home = Files.createTempDirectory("align3d-e2e-search");
        Path assets = Files.createDirectories(home.resolve("assets"));
        Files.createDirectories(home.resolve("config"));
        // three inference threads, as a node with six processors has: requests run beside a re-registration
        Files.writeString(home.resolve("config").resolve("opensearch.yml"), "align3d.assets.roots: [\"" + assets + "\"]\n"
            + "thread_pool.align3d_inference.size: 3\n");
        server = ServerProcess.start(home);
        server.send("PUT", "/_ingest/pipeline/shapes", """
            {"processors": [{"shape_embedding": {"model_id": "align3d-default", "field_map": {"asset": "shape"}, "batch_size": 8}}]}""");
        server.send("PUT", "/catalog", """
            {"settings": {"index": {"align3d": true, "number_of_shards": 1, "number_of_replicas": 0, "default_pipeline": "shapes"}},
             "mappings": {"_source": {"excludes": ["asset"]}, "properties": {
               "name": {"type": "text"}, "tags": {"type": "keyword"}, "category": {"type": "keyword"},
               "height": {"type": "float"}, "format": {"type": "keyword"},
               "shape": {"type": "shape_vector", "model_id": "align3d-default"},
               "look": {"type": "alias", "path": "shape"}}}}""");
        Align3dSynth synth = new Align3dSynth();
        for (SampleSpec s : synth.plan(11, 120)) {
            if (specs.stream().filter(x -> x.category().equals(s.category())).count() < 2) {
                specs.add(s);
            }
        }
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < specs.size(); i++) {
            SampleSpec s = specs.get(i);
            MeshWriter writer = WRITERS.get(i % WRITERS.size());
            Mesh mesh = synth.mesh(s);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            writer.write(mesh, bytes);
            ObjectNode doc = JSON.createObjectNode();
            doc.put("name", s.captions().get(1).text());
            doc.put("category", s.category());
            doc.putArray("tags").add(s.category()).add(i % 2 == 0 ? "even" : "odd");
            doc.put("format", writer.extension());
            doc.put("asset", Base64.getEncoder().encodeToString(bytes.toByteArray()));
            bulk.append("{\"index\": {\"_id\": \"").append(s.id()).append("\"}}\n").append(JSON.writeValueAsString(doc)).append('\n');
        }
        JsonNode response = server.send("POST", "/catalog/_bulk?refresh=true", bulk.toString());
        assertFalse("bulk errors: " + response, response.get("errors").asBoolean());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (home != null) {
            FileTrees.delete(home); // the node's home holds its data, the installed plugin and DJL's natives
        }
    }

    private static JsonNode search(String body) throws Exception {
        return server.send("POST", "/catalog/_search", body);
    }

    private static String finestCaption(SampleSpec s) {
        List<Caption> c = s.captions();
        return c.get(c.size() - 1).text();
    }

    @Test
    public void everyFormatWasIndexedWithVectorsAndPatches() throws Exception {
        assertEquals(specs.size(), server.get("/catalog/_count").get("count").asInt());
        JsonNode doc = server.get("/catalog/_doc/" + specs.get(0).id());
        JsonNode shape = doc.at("/_source/shape");
        // the processor writes the vector as base64 of 256 little-endian float32
        assertEquals(1024, java.util.Base64.getDecoder().decode(shape.get("vector").asText()).length);
        assertTrue(shape.get("patches").asText().length() > 1000);
        assertEquals(3, shape.get("extent").size());
        assertFalse("asset bytes are excluded from _source", doc.get("_source").has("asset"));
        JsonNode formats = search("{\"size\": 0, \"aggs\": {\"f\": {\"terms\": {\"field\": \"format\"}}}}");
        assertEquals(5, formats.at("/aggregations/f/buckets").size()); // glb obj ply stl off
    }

    @Test
    public void categoryQueriesFindTheirCategoryFirst() throws Exception {
        int correct = 0;
        Map<String, Boolean> seen = new HashMap<>();
        for (SampleSpec s : specs) {
            if (seen.put(s.category(), true) != null) {
                continue;
            }
            JsonNode hits = search("{\"query\": {\"neural_shape\": {\"shape\": {\"query_text\": \"" + finestCaption(s)
                + "\", \"k\": 3}}}}").at("/hits/hits");
            correct += hits.get(0).at("/_source/category").asText().equals(s.category()) ? 1 : 0;
            double top = hits.get(0).get("_score").asDouble();
            assertTrue("score in [0, 1]: " + top, top > 0 && top <= 1);
        }
        assertTrue(correct + " of " + seen.size() + " categories ranked first", correct >= seen.size() * 0.7);
    }

    @Test
    public void hybridBoolQueryCombinesKeywordsAndGeometry() throws Exception {
        SampleSpec chair = specs.stream().filter(s -> s.category().equals("chair")).findFirst().orElseThrow();
        JsonNode hits = search("""
            {"query": {"bool": {"must": [{"neural_shape": {"shape": {"query_text": "a chair", "k": 20}}}],
                                "filter": [{"term": {"tags": "odd"}}]}}}""").at("/hits/hits");
        assertTrue(hits.size() > 0);
        for (JsonNode h : hits) {
            assertTrue(h.toString(), h.at("/_source/tags").toString().contains("odd"));
        }
        JsonNode should = search("""
            {"query": {"bool": {"should": [{"neural_shape": {"shape": {"query_text": "a chair", "k": 5}}},
                                            {"match": {"name": "chair"}}]}}}""").at("/hits/hits");
        assertEquals("chair", should.get(0).at("/_source/category").asText());
        assertNotEquals(null, chair);
    }

    @Test
    public void theSearchRequestsMinScoreKeepsOnlyConfidentHits() throws Exception {
        JsonNode all = search("""
            {"query": {"neural_shape": {"shape": {"query_text": "a chair", "k": 10}}}}""").at("/hits/hits");
        assertEquals(10, all.size());
        // halfway between two scores, not on one: Lucene's vectorised dot products may round a score one ulp
        // differently once the JIT has compiled them, so a threshold equal to a score is not repeatable
        int gap = 2;
        while (all.get(gap).get("_score").asDouble() - all.get(gap + 1).get("_score").asDouble() < 1e-4) {
            gap++; // a tie, or nearly: the threshold goes between two clearly different scores
        }
        double threshold = (all.get(gap).get("_score").asDouble() + all.get(gap + 1).get("_score").asDouble()) / 2;
        long atOrAbove = 0;
        for (JsonNode h : all) {
            atOrAbove += h.get("_score").asDouble() >= threshold ? 1 : 0;
        }
        JsonNode kept = search("{\"min_score\": " + threshold
            + ", \"query\": {\"neural_shape\": {\"shape\": {\"query_text\": \"a chair\", \"k\": 10}}}}").at("/hits/hits");
        assertEquals("threshold " + threshold + " kept " + kept.findValues("_score") + " of " + all.findValues("_score"), atOrAbove,
            kept.size());
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(all.get(i).get("_id"), kept.get(i).get("_id"));
        }
    }

    @Test
    public void radialSearchReturnsEveryShapePastTheThreshold() throws Exception {
        int n = specs.size();
        JsonNode all = search("{\"size\": " + n + ", \"query\": {\"neural_shape\": {\"shape\": {\"query_text\": \"a chair\", \"k\": "
            + n + ", \"num_candidates\": " + n + ", \"rerank\": false}}}}").at("/hits/hits");
        assertEquals(n, all.size());
        int gap = 5;
        while (all.get(gap).get("_score").asDouble() - all.get(gap + 1).get("_score").asDouble() < 1e-4) {
            gap++; // the threshold goes between two clearly different vector scores
        }
        double threshold = (all.get(gap).get("_score").asDouble() + all.get(gap + 1).get("_score").asDouble()) / 2;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i <= gap; i++) {
            expected.add(all.get(i).get("_id").asText());
        }
        JsonNode above = search("{\"size\": 100, \"query\": {\"neural_shape\": {\"shape\": {\"query_text\": \"a chair\", "
            + "\"min_score\": " + threshold + "}}}}").at("/hits");
        assertEquals(expected.size(), above.at("/total/value").asInt());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), above.at("/hits/" + i + "/_id").asText());
            assertEquals(all.get(i).get("_score").asDouble(), above.at("/hits/" + i + "/_score").asDouble(), 1e-5);
        }
        // max_distance is the cosine distance 1 - cos: score (1 + cos) / 2 >= t is 1 - cos <= 2 (1 - t)
        JsonNode within = search("{\"size\": 100, \"query\": {\"neural_shape\": {\"shape\": {\"query_text\": \"a chair\", "
            + "\"max_distance\": " + 2 * (1 - threshold) + "}}}}").at("/hits/hits");
        assertEquals(expected, ids(within));
        // HAF may reorder and rescore them; the documents are the same
        JsonNode reranked = search("{\"size\": 100, \"query\": {\"neural_shape\": {\"shape\": {\"query_text\": \"a chair\", "
            + "\"min_score\": " + threshold + ", \"rerank\": true}}}}").at("/hits/hits");
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(ids(reranked)));
        // a filter inside the search: the odd-tagged among them
        JsonNode odd = search("{\"size\": 100, \"query\": {\"neural_shape\": {\"shape\": {\"query_text\": \"a chair\", "
            + "\"min_score\": " + threshold + ", \"filter\": {\"term\": {\"tags\": \"odd\"}}}}}}").at("/hits/hits");
        List<String> expectedOdd = new ArrayList<>();
        for (int i = 0; i <= gap; i++) {
            if (all.get(i).at("/_source/tags").toString().contains("odd")) {
                expectedOdd.add(all.get(i).get("_id").asText());
            }
        }
        assertEquals(expectedOdd, ids(odd));
        ResponseException both = expectFailure(() -> search("""
            {"query": {"neural_shape": {"shape": {"query_text": "a chair", "k": 5, "min_score": 0.5}}}}"""));
        assertEquals(400, both.getResponse().getStatusLine().getStatusCode());
        assertTrue(both.getMessage(), both.getMessage().contains("one of [k], [min_score] and [max_distance]"));
    }

    private static List<String> ids(JsonNode hits) {
        List<String> ids = new ArrayList<>();
        for (JsonNode h : hits) {
            ids.add(h.get("_id").asText());
        }
        return ids;
    }

    @Test
    public void filterIsAppliedInsideTheAnnSearch() throws Exception {
        JsonNode hits = search("""
            {"query": {"neural_shape": {"shape": {"query_text": "an airplane", "k": 5, "num_candidates": 5,
                                                   "filter": {"term": {"category": "boat"}}}}}}""").at("/hits/hits");
        assertEquals("a selective filter inside the ANN search still yields its matches", 2, hits.size());
        for (JsonNode h : hits) {
            assertEquals("boat", h.at("/_source/category").asText());
        }
    }

    @Test
    public void searchByExampleFindsTheExampleItself() throws Exception {
        SampleSpec s = specs.get(3);
        JsonNode hits = search("{\"query\": {\"neural_shape\": {\"shape\": {\"query_asset\": {\"index\": \"catalog\", \"id\": \""
            + s.id() + "\"}, \"k\": 3}}}}").at("/hits/hits");
        assertEquals(s.id(), hits.get(0).get("_id").asText());
        ByteArrayOutputStream glb = new ByteArrayOutputStream();
        new GltfWriter().write(new Align3dSynth().mesh(s), glb);
        JsonNode byBytes = search("{\"query\": {\"neural_shape\": {\"shape\": {\"query_asset\": \""
            + Base64.getEncoder().encodeToString(glb.toByteArray()) + "\", \"k\": 3}}}}").at("/hits/hits");
        assertEquals(s.id(), byBytes.get(0).get("_id").asText());
    }

    @Test
    public void explainShowsTheLevelsAndPartMatchesPointAtPatches() throws Exception {
        JsonNode hit = search("""
            {"explain": true, "query": {"neural_shape": {"shape": {"query_text": "a lamp with a shade", "k": 1, "part_matches": 2}}}}""")
            .at("/hits/hits/0");
        String explanation = hit.get("_explanation").toString();
        assertTrue(explanation, explanation.contains("neural_shape HAF score"));
        assertTrue(explanation, explanation.contains("global: cosine"));
        assertTrue(explanation, explanation.contains("patch: token-weighted"));
        JsonNode matches = hit.at("/fields/_align3d_matches/0");
        assertEquals("shape", matches.get("field").asText());
        ArrayNode words = (ArrayNode) matches.get("words");
        assertTrue(words.toString(), words.toString().contains("\"word\":\"shade\""));
        JsonNode patch = words.get(0).at("/patches/0");
        assertEquals(3, patch.get("centre").size());
        assertTrue(patch.get("radius").asDouble() > 0);
    }

    @Test
    public void aProfiledSearchReportsItsRewriteTimeNotTheClock() throws Exception {
        JsonNode response = search("""
            {"profile": true, "query": {"neural_shape": {"shape": {"query_text": "a chair with armrests", "k": 3}}}}""");
        long tookNanos = response.get("took").asLong() * 1_000_000L;
        JsonNode profiled = response.at("/profile/shards/0/searches/0");
        long rewrite = profiled.get("rewrite_time").asLong();
        // the ERS search and HAF run in the query's rewrite; a nested searcher.rewrite used to report System.nanoTime()
        assertTrue(profiled.toString(), rewrite > 0 && rewrite <= tookNanos + 1_000_000L);
        assertTrue(profiled.toString(), profiled.at("/query/0/type").asText().length() > 0);
    }

    @Test
    public void segmentLabelsEveryPointWithTheGivenParts() throws Exception {
        JsonNode seg = server.send("POST", "/_plugins/align3d/_segment", "{\"asset\": \"" + firstChairObj()
            + "\", \"parts\": [\"seat\", \"back\", \"leg\"]}");
        assertEquals(2048, seg.get("labels").size());
        assertEquals(2048, seg.get("points").size());
        int total = 0;
        for (JsonNode n : seg.get("counts")) {
            total += n.asInt();
        }
        assertEquals(2048, total);
        // the default model's part head finds all three, legs below the seat and the back above it (Y is up)
        double[] height = new double[3];
        int[] count = new int[3];
        for (int i = 0; i < 2048; i++) {
            int label = seg.get("labels").get(i).asInt();
            height[label] += seg.get("points").get(i).get(1).asDouble();
            count[label]++;
        }
        for (int p = 0; p < 3; p++) {
            height[p] /= Math.max(1, count[p]);
        }
        String why = "mean heights of seat, back, leg points " + java.util.Arrays.toString(height) + ", counts "
            + java.util.Arrays.toString(count);
        assertTrue(why, count[0] > 0 && count[1] > 0 && count[2] > 0);
        assertTrue(why, height[2] < height[0] && height[0] < height[1]);
    }

    @Test
    public void embedReturnsAFieldValueAndModelsAreListed() throws Exception {
        JsonNode text = server.send("POST", "/_plugins/align3d/_embed", "{\"text\": \"a tall lamp\"}");
        assertEquals(256, text.get("vector").size());
        assertTrue(text.get("tokens").size() >= 3);
        JsonNode models = server.get("/_plugins/align3d/models");
        assertEquals("align3d-default", models.at("/models/0/id").asText());
        assertEquals(256, models.at("/models/0/dimension").asInt());
        assertTrue(models.toString(), models.at("/models/0/part_head").asBoolean());
        assertTrue(models.at("/models/0/model_card").asText().contains("./align3d train"));
    }

    @Test
    public void aBundleCopiedIntoTheConfigDirectoryIsRegisteredOnEveryNodeAndABadOneRefused() throws Exception {
        Path models = server.home.resolve("config/align3d/models");
        BundleCopies.directory(models.resolve("copied"));
        JsonNode registered = server.send("POST", "/_plugins/align3d/models", "{\"id\": \"copied\"}");
        assertEquals(1, registered.at("/_nodes/successful").asInt());
        assertEquals(0, registered.at("/_nodes/failed").asInt());
        assertEquals("copied", registered.at("/models/0/id").asText());
        assertEquals("config", registered.at("/models/0/source").asText());
        assertTrue(registered.at("/models/0/loaded").asBoolean());
        JsonNode listed = server.get("/_plugins/align3d/models/copied");
        assertEquals(256, listed.at("/models/0/dimension").asInt());

        // the same bundle as one zip file (its directory zipped): registered and loaded as it is
        BundleCopies.zip(models.resolve("zipped.zip"));
        JsonNode zipped = server.send("POST", "/_plugins/align3d/models", "{\"id\": \"zipped\"}");
        assertEquals(zipped.toString(), 1, zipped.at("/_nodes/successful").asInt());
        assertTrue(zipped.at("/models/0/loaded").asBoolean());
        assertTrue(zipped.toString(), zipped.at("/models/0/part_head").asBoolean());
        assertTrue(zipped.at("/models/0/model_card").asText().contains("## Part head"));

        // one flipped byte in the weights: refused naming the file, and nothing registered under that name
        BundleCopies.directory(models.resolve("tampered"));
        Path weights = models.resolve("tampered/shape-encoder.params");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(weights, bytes);
        ResponseException tampered = expectFailure(() -> server.send("POST", "/_plugins/align3d/models", "{\"id\": \"tampered\"}"));
        assertEquals(400, tampered.getResponse().getStatusLine().getStatusCode());
        assertTrue(tampered.getMessage(), tampered.getMessage().contains("shape-encoder.params"));
        expectFailure(() -> server.get("/_plugins/align3d/models/tampered"));

        ResponseException missing = expectFailure(() -> server.send("POST", "/_plugins/align3d/models", "{\"id\": \"nowhere\"}"));
        assertEquals(400, missing.getResponse().getStatusLine().getStatusCode());
        ResponseException escape = expectFailure(() -> server.send("POST", "/_plugins/align3d/models", "{\"id\": \"../plugins\"}"));
        assertEquals(400, escape.getResponse().getStatusLine().getStatusCode());
    }

    @Test
    public void statsCountTheModelWorkOfTheNode() throws Exception {
        JsonNode before = localStats();
        String text = "{\"text\": \"a stool counted in the stats " + System.nanoTime() + "\"}";
        server.send("POST", "/_plugins/align3d/_embed", text);
        server.send("POST", "/_plugins/align3d/_embed", text);
        String asset = firstChairObj();
        server.send("POST", "/_plugins/align3d/_segment", "{\"asset\": \"" + asset + "\", \"parts\": [\"seat\", \"leg\"]}");
        ResponseException unreadable = expectFailure(() -> server.send("POST", "/_plugins/align3d/_segment", "{\"asset\": \""
            + Base64.getEncoder().encodeToString("v 1 2".getBytes(StandardCharsets.UTF_8)) + "\", \"parts\": [\"seat\"]}"));
        assertEquals(400, unreadable.getResponse().getStatusLine().getStatusCode());
        server.send("POST", "/_plugins/align3d/_embed", "{\"asset\": \"" + asset + "\"}");
        JsonNode after = localStats();

        assertEquals(after.toString(), 1, delta(before, after, "/inference/encode_text/tasks"));
        assertEquals(after.toString(), 1, delta(before, after, "/inference/query_cache/hits"));
        assertEquals(after.toString(), 1, delta(before, after, "/inference/query_cache/misses"));
        assertEquals(after.toString(), 2, delta(before, after, "/inference/segment/tasks"));
        assertEquals("the unreadable mesh", 1, delta(before, after, "/inference/segment/failed"));
        assertEquals(1, delta(before, after, "/inference/unreadable_assets"));
        assertEquals(1, delta(before, after, "/inference/embed_assets/items"));
        assertTrue(after.at("/inference/segment/time_in_millis").asLong() > 0);
        assertTrue(after.at("/inference/query_cache/entries").asInt() >= 1);
        assertEquals(2048, after.at("/inference/query_cache/capacity").asInt());
        assertEquals(3, after.at("/thread_pool/align3d_inference/threads").asInt());
        boolean defaultLoaded = false;
        for (JsonNode m : after.get("models_loaded")) {
            defaultLoaded |= m.get("id").asText().equals("align3d-default") && m.get("in_use").asInt() == 0;
        }
        assertTrue(after.toString(), defaultLoaded);
        assertTrue(after.at("/model_loads").asInt() >= 1);

        JsonNode all = server.get("/_plugins/align3d/stats");
        assertEquals(1, all.at("/_nodes/successful").asInt());
        assertEquals(1, all.get("nodes").size());
    }

    private static JsonNode localStats() throws IOException {
        JsonNode stats = server.get("/_plugins/align3d/_local/stats");
        assertEquals(stats.toString(), 1, stats.at("/_nodes/successful").asInt());
        return stats.get("nodes").elements().next();
    }

    private static long delta(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asLong() - before.at(pointer).asLong();
    }

    @Test
    public void reRegisteringABundleWhileRequestsUseItLosesNoRequest() throws Exception {
        Path models = server.home.resolve("config/align3d/models");
        BundleCopies.directory(models.resolve("reloaded"));
        server.send("POST", "/_plugins/align3d/models", "{\"id\": \"reloaded\"}");
        long loadsBefore = localStats().at("/model_loads").asLong();
        String segment = "{\"model_id\": \"reloaded\", \"parts\": [\"seat\", \"back\", \"leg\"], \"asset\": \""
            + firstChairObj() + "\"}";
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var served = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] clients = new Thread[2];
        for (int c = 0; c < clients.length; c++) {
            int client = c;
            clients[c] = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        if (client == 0) {
                            assertEquals(2048, server.send("POST", "/_plugins/align3d/_segment", segment).get("labels").size());
                        } else {
                            // a new text each time: encoded by the model, not answered from the query cache
                            String text = "{\"model_id\": \"reloaded\", \"text\": \"a lamp number " + i + "\"}";
                            assertEquals(256, server.send("POST", "/_plugins/align3d/_embed", text).get("vector").size());
                        }
                        served.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        failures.add(e.toString());
                    }
                }
            });
            clients[c].start();
        }
        try {
            // each registration loads a new model and retires the one the clients' requests may be running on
            for (int r = 0; r < 4; r++) {
                Thread.sleep(300);
                JsonNode registered = server.send("POST", "/_plugins/align3d/models", "{\"id\": \"reloaded\"}");
                assertEquals(registered.toString(), 1, registered.at("/_nodes/successful").asInt());
            }
            Thread.sleep(300);
        } finally {
            stop.set(true);
            for (Thread t : clients) {
                t.join();
            }
        }
        assertTrue("failed while the bundle was re-registered: " + failures, failures.isEmpty());
        assertTrue("requests served: " + served.get(), served.get() >= 8);
        JsonNode stats = localStats();
        assertEquals("each registration loaded a model", 4, stats.at("/model_loads").asLong() - loadsBefore);
        for (JsonNode m : stats.get("models_loaded")) {
            if (m.get("id").asText().equals("reloaded")) {
                assertEquals("nothing holds the model once the clients stopped", 0, m.get("in_use").asInt());
            }
        }
        assertEquals(256, server.send("POST", "/_plugins/align3d/_embed",
            "{\"model_id\": \"reloaded\", \"text\": \"a tall lamp\"}").get("vector").size());
    }

    @Test
    public void aBrokenAssetFailsItsItemAndTheRestIndex() throws Exception {
        String good = Base64.getEncoder().encodeToString(objOf(specs.get(0)));
        String truncatedGlb = Base64.getEncoder().encodeToString("glTF\u0002\u0000\u0000\u0000\u00ff\u00ff".getBytes(StandardCharsets.ISO_8859_1));
        String bulk = "{\"index\": {\"_id\": \"good-1\"}}\n{\"name\": \"ok\", \"asset\": \"" + good + "\"}\n"
            + "{\"index\": {\"_id\": \"broken-1\"}}\n{\"name\": \"broken\", \"asset\": \"" + truncatedGlb + "\"}\n";
        JsonNode r = server.send("POST", "/scratch/_bulk?refresh=true&pipeline=shapes", bulk);
        assertTrue(r.get("errors").asBoolean());
        assertEquals(201, r.at("/items/0/index/status").asInt());
        String reason = r.at("/items/1/index/error/reason").asText();
        assertTrue(reason, reason.contains("broken-1") && reason.contains("asset"));
        assertEquals(1, server.get("/scratch/_count").get("count").asInt());
        // a document whose target field cannot be written fails alone too, not its batch
        server.send("PUT", "/_ingest/pipeline/into-meta", """
            {"processors": [{"shape_embedding": {"model_id": "align3d-default", "field_map": {"asset": "meta.shape"},
              "batch_size": 8}}]}""");
        String both = "{\"index\": {\"_id\": \"fits\"}}\n{\"asset\": \"" + good + "\"}\n"
            + "{\"index\": {\"_id\": \"no-room\"}}\n{\"meta\": \"a string\", \"asset\": \"" + good + "\"}\n";
        JsonNode batch = server.send("POST", "/scratch3/_bulk?refresh=true&pipeline=into-meta", both);
        assertEquals(batch.toString(), 201, batch.at("/items/0/index/status").asInt());
        String noRoom = batch.at("/items/1/index/error/reason").asText();
        assertTrue(noRoom, noRoom.contains("document [no-room]: cannot write field [meta.shape]"));
    }

    @Test
    public void pathsOutsideTheAssetRootsAreRefused() throws Exception {
        Files.write(home.resolve("assets").resolve("inside.obj"), objOf(specs.get(1)));
        JsonNode ok = server.send("POST", "/scratch2/_doc/in?refresh=true&pipeline=shapes", "{\"asset\": \"inside.obj\"}");
        assertEquals("created", ok.get("result").asText());
        for (String path : List.of("../config/opensearch.yml", "/etc/passwd", "sub/../../x.obj")) {
            ResponseException e = expectFailure(() -> server.send("POST", "/scratch2/_doc/bad?pipeline=shapes",
                "{\"asset\": \"" + path + "\"}"));
            String body = new String(e.getResponse().getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body, body.contains("absolute") || body.contains("'..'"));
        }
        // _embed and _segment read paths off the network thread; a refused one is still a 400 naming the problem
        JsonNode embedded = server.send("POST", "/_plugins/align3d/_embed", "{\"asset\": {\"path\": \"inside.obj\"}}");
        assertTrue(embedded.toString(), embedded.at("/shape/patches").asText().length() > 1000);
        ResponseException outside = expectFailure(() -> server.send("POST", "/_plugins/align3d/_segment",
            "{\"asset\": {\"path\": \"../config/opensearch.yml\"}, \"parts\": [\"seat\"]}"));
        assertEquals(400, outside.getResponse().getStatusLine().getStatusCode());
        assertTrue(outside.getMessage(), outside.getMessage().contains("'..'"));
        ResponseException none = expectFailure(() -> server.send("POST", "/_plugins/align3d/_embed", "{\"asset\": {\"path\": \"nothing.obj\"}}"));
        assertEquals(400, none.getResponse().getStatusLine().getStatusCode());
        assertTrue(none.getMessage(), none.getMessage().contains("[nothing.obj] does not exist under the asset roots"));
    }

    /**
     * A catalogue stored Z-up in a format read Y-up (OBJ here) declares its up axis: embedded with
     * {@code up_axis: z} the lying-down file gives the upright asset's vector; without it, another one. An unknown
     * axis is refused when the pipeline is created.
     */
    @Test
    public void aCatalogueStoredZUpDeclaresItsUpAxis() throws Exception {
        Mesh upright = new Align3dSynth().mesh(specs.get(0));
        float[] p = upright.positions(), lying = new float[p.length];
        for (int i = 0; i < p.length; i += 3) { // +90 degrees about X: up (+Y) becomes +Z
            lying[i] = p[i];
            lying[i + 1] = -p[i + 2];
            lying[i + 2] = p[i + 1];
        }
        Mesh zUp = Mesh.of(upright.source(), lying, upright.triangles(), upright.faceParts(), upright.partNames(),
            upright.upAxis());
        JsonNode reference = embed(upright, null), declared = embed(zUp, "z"), undeclared = embed(zUp, null);
        double same = cosine(reference, declared), sideways = cosine(reference, undeclared);
        assertTrue("declared Z-up must embed as the upright asset: cosine " + same, same > 0.99);
        assertTrue("read Y-up, the lying asset is another shape: cosine " + sideways + " vs " + same, sideways < same - 0.01);
        ResponseException bad = expectFailure(() -> server.send("PUT", "/_ingest/pipeline/sideways", """
            {"processors": [{"shape_embedding": {"model_id": "align3d-default", "field_map": {"asset": "shape"}, "up_axis": "x"}}]}"""));
        assertEquals(400, bad.getResponse().getStatusLine().getStatusCode());
        assertTrue(bad.getMessage(), bad.getMessage().contains("up_axis") && bad.getMessage().contains("[x] is not one of [y, z]"));
        server.send("PUT", "/_ingest/pipeline/z-up", """
            {"processors": [{"shape_embedding": {"model_id": "align3d-default", "field_map": {"asset": "shape"}, "up_axis": "Z"}}]}""");
    }

    private static JsonNode embed(Mesh mesh, String upAxis) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ObjWriter().write(mesh, bytes);
        ObjectNode body = JSON.createObjectNode();
        body.put("asset", Base64.getEncoder().encodeToString(bytes.toByteArray()));
        if (upAxis != null) {
            body.put("up_axis", upAxis);
        }
        return server.send("POST", "/_plugins/align3d/_embed", JSON.writeValueAsString(body)).at("/shape/vector");
    }

    private static double cosine(JsonNode a, JsonNode b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += a.get(i).asDouble() * b.get(i).asDouble();
            na += a.get(i).asDouble() * a.get(i).asDouble();
            nb += b.get(i).asDouble() * b.get(i).asDouble();
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    public void badQueriesAreRefusedClearly() throws Exception {
        ResponseException noText = expectFailure(() -> search("{\"query\": {\"neural_shape\": {\"shape\": {\"k\": 3}}}}"));
        assertEquals(400, noText.getResponse().getStatusLine().getStatusCode());
        assertTrue(noText.getMessage(), noText.getMessage().contains("exactly one of [query_text] and [query_asset]"));
        ResponseException wrongField = expectFailure(() -> search(
            "{\"query\": {\"neural_shape\": {\"name\": {\"query_text\": \"a chair\"}}}}"));
        assertTrue(wrongField.getMessage(), wrongField.getMessage().contains("must be a shape_vector field"));
        ResponseException rerankExample = expectFailure(() -> search("{\"query\": {\"neural_shape\": {\"shape\": {\"query_asset\":"
            + " {\"index\": \"catalog\", \"id\": \"" + specs.get(0).id() + "\"}, \"rerank\": true}}}}"));
        assertEquals(400, rerankExample.getResponse().getStatusLine().getStatusCode());
        assertTrue(rerankExample.getMessage(), rerankExample.getMessage().contains("[rerank] needs [query_text]"));
        ResponseException badExample = expectFailure(() -> search("{\"query\": {\"neural_shape\": {\"shape\": {\"query_asset\":"
            + " {\"base64\": \"AAAA\", \"name\": \"x.obj\"}}}}}"));
        assertTrue(badExample.getMessage(), badExample.getMessage().contains("got an object with keys [base64, name]"));
        ResponseException nullText = expectFailure(() -> search("{\"query\": {\"neural_shape\": {\"shape\": {\"query_text\": null}}}}"));
        assertEquals("a value of the wrong type is the user's error", 400, nullText.getResponse().getStatusLine().getStatusCode());
        assertTrue(nullText.getMessage(), nullText.getMessage().contains("[query_text] must be a single value, got null"));
        ResponseException wordyK = expectFailure(() -> search(
            "{\"query\": {\"neural_shape\": {\"shape\": {\"query_text\": \"a chair\", \"k\": true}}}}"));
        assertEquals(400, wordyK.getResponse().getStatusLine().getStatusCode());
        assertTrue(wordyK.getMessage(), wordyK.getMessage().contains("[k] has a value of the wrong type"));
    }

    @Test
    public void aNamedQueryIsReportedInMatchedQueries() throws Exception {
        JsonNode hits = search("""
            {"query": {"bool": {"should": [
              {"neural_shape": {"shape": {"query_text": "a chair", "k": 3, "_name": "looks"}}},
              {"term": {"tags": {"value": "odd", "_name": "odd"}}}]}}, "size": 50}""").at("/hits/hits");
        int looks = 0;
        for (JsonNode hit : hits) {
            looks += hit.get("matched_queries").toString().contains("looks") ? 1 : 0;
        }
        assertEquals("the neural_shape clause's k hits carry its name", 3, looks);
    }

    @Test
    public void anAliasSearchesTheFieldItNames() throws Exception {
        String query = "{\"query\": {\"neural_shape\": {\"%s\": {\"query_text\": \"" + finestCaption(specs.get(3)) + "\", \"k\": 5}}}}";
        JsonNode direct = search(query.formatted("shape")).at("/hits/hits");
        JsonNode aliased = search(query.formatted("look")).at("/hits/hits");
        assertEquals(5, direct.size());
        assertEquals(direct.size(), aliased.size());
        for (int i = 0; i < direct.size(); i++) {
            assertEquals(direct.get(i).get("_id"), aliased.get(i).get("_id"));
            assertEquals(direct.get(i).get("_score").asDouble(), aliased.get(i).get("_score").asDouble(), 1e-6);
        }
    }

    @Test
    public void ignoreUnmappedLetsOneSearchSpanIndicesWithoutTheField() throws Exception {
        server.send("PUT", "/notes", "{\"settings\": {\"index\": {\"number_of_shards\": 1, \"number_of_replicas\": 0}}}");
        server.send("PUT", "/notes/_doc/1?refresh=true", "{\"name\": \"a chair\"}");
        String query = "{\"query\": {\"neural_shape\": {\"shape\": {\"query_text\": \"a chair\", \"k\": 3%s}}}}";
        JsonNode spanning = server.send("POST", "/catalog,notes/_search", query.formatted(", \"ignore_unmapped\": true"));
        assertEquals(spanning.toString(), 0, spanning.at("/_shards/failed").asInt());
        assertEquals(3, spanning.at("/hits/hits").size());
        JsonNode strict = server.send("POST", "/catalog,notes/_search", query.formatted(""));
        assertEquals(strict.toString(), 1, strict.at("/_shards/failed").asInt());
        assertTrue(strict.toString(), strict.at("/_shards/failures/0/reason/reason").asText().contains("field [shape] is not mapped"));
    }

    @Test
    public void aShapeFieldInANestedObjectIsRefusedNotSilentlyEmpty() throws Exception {
        server.send("PUT", "/assemblies", """
            {"settings": {"index": {"align3d": true, "number_of_shards": 1, "number_of_replicas": 0}},
             "mappings": {"properties": {"parts": {"type": "nested", "properties": {
               "shape": {"type": "shape_vector", "model_id": "align3d-default"}}}}}}""");
        ResponseException nested = expectFailure(() -> server.send("POST", "/assemblies/_search",
            "{\"query\": {\"neural_shape\": {\"parts.shape\": {\"query_text\": \"a wheel\"}}}}"));
        assertEquals(400, nested.getResponse().getStatusLine().getStatusCode());
        assertTrue(nested.getMessage(), nested.getMessage().contains("is inside the nested object [parts]"));
    }

    @Test
    public void vectorsOfAnotherModelAreRefusedAtIndexing() throws Exception {
        JsonNode shape = server.get("/catalog/_doc/" + specs.get(0).id()).at("/_source/shape");
        ObjectNode foreign = JSON.createObjectNode();
        foreign.putObject("shape").put("vector", shape.get("vector").asText()).put("model_id", "someone-elses-model");
        ResponseException refused = expectFailure(() -> server.send("PUT", "/catalog/_doc/foreign?pipeline=_none",
            JSON.writeValueAsString(foreign)));
        assertEquals(400, refused.getResponse().getStatusLine().getStatusCode());
        assertTrue(refused.getMessage(), refused.getMessage().contains(
            "was embedded with model [someone-elses-model], but the field holds vectors of model [align3d-default]"));
        assertEquals(specs.size(), server.get("/catalog/_count").get("count").asInt());
    }

    @Test
    public void aDocumentWithoutAnAssetFailsOrPassesAsThePipelineSays() throws Exception {
        ResponseException strict = expectFailure(() -> server.send("PUT", "/catalog/_doc/no-asset", "{\"name\": \"a note\"}"));
        assertTrue(strict.getMessage(), strict.getMessage().contains("has no field [asset] holding an asset (\\\"ignore_missing\\\": true"));
        server.send("PUT", "/_ingest/pipeline/shapes-optional", """
            {"processors": [{"shape_embedding": {"model_id": "align3d-default", "field_map": {"asset": "shape"},
              "ignore_missing": true}}]}""");
        server.send("PUT", "/loose/_doc/no-asset?pipeline=shapes-optional&refresh=true", "{\"name\": \"a note\"}");
        assertEquals("a note", server.get("/loose/_doc/no-asset").at("/_source/name").asText());
    }

    /** Runs last (name order): segments written with align3d's codec must open again after a restart. */
    @Test
    public void zzRestartKeepsTheIndexSearchable() throws Exception {
        SampleSpec s = specs.get(5);
        var before = search("{\"query\": {\"neural_shape\": {\"shape\": {\"query_text\": \"" + finestCaption(s)
            + "\", \"k\": 5}}}}").at("/hits/hits");
        server.send("POST", "/catalog/_flush", null);
        server.stop();
        server = ServerProcess.start(home);
        server.send("GET", "/_cluster/health/catalog?wait_for_status=green&timeout=60s", null);
        assertEquals(specs.size(), server.get("/catalog/_count").get("count").asInt());
        var after = search("{\"query\": {\"neural_shape\": {\"shape\": {\"query_text\": \"" + finestCaption(s)
            + "\", \"k\": 5}}}}").at("/hits/hits");
        // same hits, same order, same sources; scores to float rounding (the reopened node may sum in another order)
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).get("_id"), after.get(i).get("_id"));
            assertEquals(before.get(i).get("_source"), after.get(i).get("_source"));
            assertEquals(before.get(i).get("_score").asDouble(), after.get(i).get("_score").asDouble(), 1e-5);
        }
    }

    /** The catalog's first generated chair as OBJ, base64 (an asset sent inline). */
    private static String firstChairObj() throws Exception {
        SampleSpec chair = specs.stream().filter(x -> x.category().equals("chair")).findFirst().orElseThrow();
        return Base64.getEncoder().encodeToString(objOf(chair));
    }

    private static byte[] objOf(SampleSpec s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ObjWriter().write(new Align3dSynth().mesh(s), out);
        return out.toByteArray();
    }

    interface Call {
        void run() throws Exception;
    }

    private static ResponseException expectFailure(Call call) throws Exception {
        try {
            call.run();
        } catch (ResponseException e) {
            return e;
        }
        throw new AssertionError("the request succeeded");
    }
}
