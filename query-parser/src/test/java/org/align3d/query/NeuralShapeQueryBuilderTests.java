package org.align3d.query;

import java.util.List;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.HafQuery;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.NamedWriteableAwareStreamInput;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.TermQueryBuilder;
import org.opensearch.search.SearchModule;
import org.opensearch.test.OpenSearchTestCase;

public class NeuralShapeQueryBuilderTests extends OpenSearchTestCase {

    private static NeuralShapeQueryBuilder parse(String json) throws Exception {
        SearchModule search = new SearchModule(org.opensearch.common.settings.Settings.EMPTY, List.of());
        try (XContentParser p = JsonXContent.jsonXContent.createParser(
            new org.opensearch.core.xcontent.NamedXContentRegistry(search.getNamedXContents()),
            org.opensearch.core.xcontent.DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json)) {
            p.nextToken();
            return NeuralShapeQueryBuilder.fromXContent(p);
        }
    }

    public void testParsesEveryOptionWithDefaults() throws Exception {
        NeuralShapeQueryBuilder b = parse("{\"shape\": {\"query_text\": \"a chair\", \"k\": 5, \"filter\": {\"term\": {\"tags\": \"x\"}},"
            + " \"rerank\": false, \"search_leaves\": 32, \"part_matches\": 2, \"boost\": 2.0, \"_name\": \"q\"}}");
        String json = b.toString().replaceAll("\\s", "");
        assertTrue(json, json.contains("\"query_text\":\"achair\""));
        assertTrue(json, json.contains("\"num_candidates\":100"));
        assertTrue(json, json.contains("\"model_id\":\"align3d-default\""));
        assertTrue(json, json.contains("\"search_leaves\":32"));
        assertEquals(2.0f, b.boost(), 0f);
        assertEquals("q", b.queryName());
    }

    public void testBadOptionsAreNamed() {
        assertParseError("{\"shape\": {\"k\": 3}}", "exactly one of [query_text] and [query_asset]");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"k\": 0}}", "[k] must be in 1..10000");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"k\": 50, \"num_candidates\": 10}}", "[num_candidates] must be in k..10000");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"colour\": 1}}", "unknown parameter [colour]");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"part_matches\": 99}}", "[part_matches] must be in 0..32");
        assertParseError("{\"shape\": {\"query_text\": \"" + "x".repeat(1001) + "\"}}", "[query_text] must have 1..1000 characters, got 1001");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"query_asset\": {\"index\": \"i\", \"id\": \"d\"}}}",
            "exactly one of [query_text] and [query_asset]");
    }

    public void testRadialSearchTakesMinScoreOrMaxDistanceInsteadOfK() throws Exception {
        NeuralShapeQueryBuilder above = parse("{\"shape\": {\"query_text\": \"a chair\", \"min_score\": 0.75}}");
        assertTrue(above.radial());
        assertEquals(0.75f, above.radialThreshold(), 0f);
        String json = above.toString().replaceAll("\\s", "");
        assertTrue(json, json.contains("\"min_score\":0.75"));
        assertFalse(json, json.contains("\"k\""));
        assertTrue("a radial search keeps its vector scores unless asked to rerank: " + json, json.contains("\"rerank\":false"));
        assertEquals(above, reparse(above));
        // cosine distance 0.4 is cos 0.6, score (1 + 0.6) / 2 = 0.8
        NeuralShapeQueryBuilder within = parse("{\"shape\": {\"query_text\": \"a chair\", \"max_distance\": 0.4, \"rerank\": true}}");
        assertEquals(0.8f, within.radialThreshold(), 1e-6f);
        assertTrue(within.toString().replaceAll("\\s", "").contains("\"rerank\":true"));
        assertEquals(within, reparse(within));
        assertFalse(parse("{\"shape\": {\"query_text\": \"a chair\"}}").radial());
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            within.writeTo(out);
            NamedWriteableRegistry registry = new NamedWriteableRegistry(
                new SearchModule(org.opensearch.common.settings.Settings.EMPTY, List.of()).getNamedWriteables());
            assertEquals(within, new NeuralShapeQueryBuilder(new NamedWriteableAwareStreamInput(out.bytes().streamInput(), registry)));
        }
    }

    public void testRadialSearchRefusesWhatDoesNotApply() {
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"k\": 5, \"min_score\": 0.5}}",
            "one of [k], [min_score] and [max_distance]");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"min_score\": 0.5, \"max_distance\": 0.2}}",
            "one of [k], [min_score] and [max_distance]");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"min_score\": 0.5, \"num_candidates\": 100}}",
            "[num_candidates] applies to [k]");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"max_distance\": 0.5, \"num_candidates\": 0}}",
            "[num_candidates] applies to [k]");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"min_score\": 1.5}}", "[min_score] must be in 0..1");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"min_score\": -0.1}}", "[min_score] must be in 0..1");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"max_distance\": 2.5}}", "[max_distance] must be in 0..2");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"max_distance\": \"NaN\"}}", "[max_distance] must be in 0..2");
    }

    public void testEncodedQueryTravelsBetweenNodes() throws Exception {
        HafQuery encoded = new HafQuery(new float[] {1, 0, 0}, new float[][] {{0, 1}, {1, 0}}, new float[] {0.5f, 0.9f},
            new int[] {0, 1}, List.of("red", "chair"));
        NeuralShapeQueryBuilder b = new NeuralShapeQueryBuilder("shape", "red chair", null, null, 3, null, null, 30,
            new TermQueryBuilder("tags", "x"), true, 0, 1, false, new EncodedQueryText(encoded, new HafPolicy(1.25, 1, 0.75, 0.1)), null,
            null, null);
        SearchModule search = new SearchModule(org.opensearch.common.settings.Settings.EMPTY, List.of());
        NamedWriteableRegistry registry = new NamedWriteableRegistry(search.getNamedWriteables());
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            b.writeTo(out);
            StreamInput in = new NamedWriteableAwareStreamInput(out.bytes().streamInput(), registry);
            NeuralShapeQueryBuilder back = new NeuralShapeQueryBuilder(in);
            assertEquals(b.toString(), back.toString());
        }
    }

    public void testAnExampleMayDeclareItsUpAxis() throws Exception {
        NeuralShapeQueryBuilder b = parse("{\"shape\": {\"query_asset\": {\"base64\": \"AAAA\", \"up_axis\": \"Z\"}}}");
        String json = b.toString().replaceAll("\\s", "");
        assertTrue(json, json.contains("\"query_asset\":{\"base64\":\"AAAA\",\"up_axis\":\"z\"}"));
        assertEquals(b, parse("{\"shape\": {\"query_asset\": {\"up_axis\": \"z\", \"base64\": \"AAAA\"}}}"));
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            b.writeTo(out);
            NamedWriteableRegistry registry = new NamedWriteableRegistry(
                new SearchModule(org.opensearch.common.settings.Settings.EMPTY, List.of()).getNamedWriteables());
            assertEquals(b, new NeuralShapeQueryBuilder(new NamedWriteableAwareStreamInput(out.bytes().streamInput(), registry)));
        }
        assertParseError("{\"shape\": {\"query_asset\": {\"base64\": \"AAAA\", \"up_axis\": \"x\"}}}",
            "[query_asset] up axis [x] is not one of [y, z]");
        assertParseError("{\"shape\": {\"query_asset\": {\"base64\": \"AAAA\"}}}", "{\"base64\": ..., \"up_axis\"");
        assertParseError("{\"shape\": {\"query_asset\": {\"base64\": \"AAAA\", \"name\": \"x.obj\"}}}",
            "got an object with keys [base64, name]");
    }

    public void testAnExampleHasNoWordsToRerankOrMatch() throws Exception {
        NeuralShapeQueryBuilder b = parse("{\"shape\": {\"query_asset\": {\"index\": \"i\", \"id\": \"d\"}, \"k\": 5}}");
        String json = b.toString().replaceAll("\\s", "");
        assertTrue("an example is not reranked by default: " + json, json.contains("\"rerank\":false"));
        assertEquals(b, reparse(b));
        assertParseError("{\"shape\": {\"query_asset\": {\"index\": \"i\", \"id\": \"d\"}, \"rerank\": true}}",
            "[rerank] needs [query_text]");
        assertParseError("{\"shape\": {\"query_asset\": \"AAAA\", \"part_matches\": 2}}", "[part_matches] needs [query_text]");
    }

    public void testPendingEncodingCannotBeSent() {
        NeuralShapeQueryBuilder pending = new NeuralShapeQueryBuilder("shape", "a chair", null, null, 3, null, null, 30, null, true, 0, 0,
            false, null, null, () -> null, null);
        IllegalStateException e = expectThrows(IllegalStateException.class, () -> pending.writeTo(new BytesStreamOutput()));
        assertTrue(e.getMessage(), e.getMessage().contains("rewrite it first"));
    }

    public void testValuesOfTheWrongTypeAreRefusedNamingTheParameter() {
        assertParseError("{\"shape\": {\"query_text\": null}}", "[query_text] must be a single value, got null");
        assertParseError("{\"shape\": {\"query_text\": [\"chair\"]}}", "[query_text] must be a single value, got an array");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"model_id\": {}}}", "[model_id] must be a single value, got an object");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"_name\": {}}}", "[_name] must be a single value, got an object");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"k\": \"ten\"}}", "[k] has a value of the wrong type");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"k\": true}}", "[k] has a value of the wrong type");
        assertParseError("{\"shape\": {\"query_text\": \"a\", \"rerank\": \"maybe\"}}", "[rerank] has a value of the wrong type");
        assertParseError("{\"shape\": {\"query_asset\": [\"AAAA\"]}}", "[query_asset] must be base64 of a mesh or an object, got an array");
        assertParseError("{\"shape\": {\"query_asset\": null}}", "[query_asset] must be base64 of a mesh or an object, got null");
    }

    public void testIgnoreUnmappedIsPrintedAndSent() throws Exception {
        NeuralShapeQueryBuilder b = parse("{\"shape\": {\"query_text\": \"a chair\", \"ignore_unmapped\": true}}");
        assertTrue(b.toString(), b.toString().replaceAll("\\s", "").contains("\"ignore_unmapped\":true"));
        assertEquals(b, reparse(b));
        assertNotEquals(b, parse("{\"shape\": {\"query_text\": \"a chair\"}}"));
        assertFalse(parse("{\"shape\": {\"query_text\": \"a chair\"}}").toString().contains("ignore_unmapped"));
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            b.writeTo(out);
            NamedWriteableRegistry registry = new NamedWriteableRegistry(
                new SearchModule(org.opensearch.common.settings.Settings.EMPTY, List.of()).getNamedWriteables());
            assertEquals(b, new NeuralShapeQueryBuilder(new NamedWriteableAwareStreamInput(out.bytes().streamInput(), registry)));
        }
    }

    public void testAnEncodedTextCarriesItsModelsPolicyToTheShards() throws Exception {
        HafPolicy calibrated = new HafPolicy(1.25, 1, 0.75, 0.1);
        EncodedQueryText encoded = new EncodedQueryText(new HafQuery(new float[] {0, 1}, new float[][] {{1, 0}}, new float[] {1},
            new int[] {0}, List.of("chair")), calibrated);
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            encoded.writeTo(out);
            EncodedQueryText back = EncodedQueryText.read(out.bytes().streamInput());
            assertEquals(calibrated, back.policy());
            assertArrayEquals(encoded.query().global(), back.query().global(), 0f);
            assertEquals(List.of("chair"), back.query().words());
        }
    }

    public void testAnEncodedExampleTravelsAsItsDigest() throws Exception {
        QueryAsset example = QueryAsset.parse(java.util.Map.of("base64", "AAAA", "up_axis", "z"));
        QueryAsset digested = example.digested();
        assertNull(digested.base64());
        assertEquals(example.upAxis(), digested.upAxis());
        // SHA-256 of the ASCII text "AAAA"
        assertEquals("63c1dd951ffedf6f7fd968ad4efa39b8ed584f162f46e715114ee184f8de9201", digested.sha256());
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            digested.writeTo(out);
            assertEquals(digested, QueryAsset.read(out.bytes().streamInput()));
        }
        XContentBuilder json = JsonXContent.contentBuilder().startObject();
        digested.toXContent(json);
        assertEquals("{\"query_asset\":{\"sha256\":\"" + digested.sha256() + "\"}}", json.endObject().toString());
        QueryAsset stored = QueryAsset.parse(java.util.Map.of("index", "i", "id", "d"));
        assertSame(stored, stored.digested());
    }

    /** Parses what the builder prints: its JSON inside {"neural_shape": ...}. */
    private static NeuralShapeQueryBuilder reparse(NeuralShapeQueryBuilder b) throws Exception {
        String json = b.toString().trim();
        String inner = json.substring(json.indexOf('{', json.indexOf(NeuralShapeQueryBuilder.NAME)), json.lastIndexOf('}'));
        return parse(inner);
    }

    private static void assertParseError(String json, String expected) {
        ParsingException e = expectThrows(ParsingException.class, () -> parse(json));
        assertTrue(e.getMessage(), e.getMessage().contains(expected));
    }
}
