package org.align3d.plugin.field;

import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.align3d.encoder.haf.HafShape;
import org.align3d.encoder.model.AssetEmbedding;
import org.align3d.encoder.model.PatchVectorsCodec;
import org.align3d.encoder.model.VectorText;
import org.align3d.mesh.UpAxis;
import org.align3d.plugin.Align3dPlugin;
import org.align3d.sampling.ShapeFrame;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.index.mapper.MapperParsingException;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;

/** The {@code shape_vector} field's document value in a real in-JVM node: both vector forms, and what it refuses. */
public class ShapeVectorFieldSingleNodeTests extends OpenSearchSingleNodeTestCase {

    private static final int DIMS = 8;

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(Align3dPlugin.class);
    }

    @Override
    protected Settings nodeSettings() {
        return Settings.builder().put(super.nodeSettings()).put("align3d.device", "cpu").build();
    }

    @Override
    public void setUp() throws Exception {
        super.setUp();
        createIndex("shapes", Settings.builder().put("index.align3d", true).build(), "_doc",
            "shape", "type=shape_vector,model_id=align3d-default,dimension=" + DIMS);
    }

    public void testArrayAndBase64VectorsIndexAlike() {
        float[] v = {0.5f, -0.25f, 1, 0, 0, 0.125f, 2, -1};
        String asArray = "{\"shape\": {\"vector\": [0.5, -0.25, 1, 0, 0, 0.125, 2, -1]}}";
        String asText = "{\"shape\": {\"vector\": \"" + VectorText.encode(v) + "\", \"patches\": \"" + patches() + "\"}}";
        client().prepareIndex("shapes").setId("array").setSource(asArray, XContentType.JSON).get();
        client().prepareIndex("shapes").setId("text").setSource(asText, XContentType.JSON).get();
        client().admin().indices().prepareRefresh("shapes").get();
        assertEquals(2, client().prepareSearch("shapes").get().getHits().getTotalHits().value());
        assertArrayEquals(v, VectorText.decode(VectorText.encode(v), DIMS), 0f);
    }

    public void testBadVectorsAreRefusedNamingFieldAndProblem() {
        assertRefused("{\"shape\": {\"vector\": [1, 2, 3]}}", "[vector] has 3 dimensions, the mapping says 8");
        assertRefused("{\"shape\": {\"vector\": \"" + VectorText.encode(new float[3]) + "\"}}", "has 3 dimensions");
        assertRefused("{\"shape\": {\"vector\": \"not base64!\"}}", "[vector] as base64 float32");
        assertRefused("{\"shape\": {\"vector\": \"AAAAAAA=\"}}", "not a whole number of float32 values");
        assertRefused("{\"shape\": {\"vector\": \"" + VectorText.encode(new float[DIMS]) + "\"}}", "all zeros");
        float[] nan = new float[DIMS];
        nan[3] = Float.NaN;
        assertRefused("{\"shape\": {\"vector\": \"" + VectorText.encode(nan) + "\"}}", "component 3 is NaN");
        assertRefused("{\"shape\": {\"vector\": \"" + "A".repeat(20_000) + "\"}}", "longer than 1024");
        assertRefused("{\"shape\": {\"vector\": [1, 0, 0, 0, 0, 0, 0, 0], \"patches\": \"AAAA\"}}", "[patches]");
        assertRefused("{\"shape\": {\"vector\": true}}", "must be an array of numbers or a base64 string");
        client().admin().indices().prepareRefresh("shapes").get();
        assertEquals("nothing refused was stored", 0, client().prepareSearch("shapes").get().getHits().getTotalHits().value());
    }

    private void assertRefused(String source, String expected) {
        MapperParsingException e = expectThrows(MapperParsingException.class,
            () -> client().prepareIndex("shapes").setId("bad").setSource(source, XContentType.JSON).get());
        String message = e.getMessage() + (e.getCause() == null ? "" : " / " + e.getCause().getMessage());
        assertTrue(message, message.contains(expected));
        assertTrue(message, message.contains("shape"));
    }

    private static String patches() {
        Random r = new Random(3);
        float[][] p = new float[4][16];
        for (float[] row : p) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) r.nextGaussian();
            }
        }
        float[] global = new float[DIMS];
        global[0] = 1;
        HafShape shape = new HafShape(global, p, new int[] {0, 0, 1, 1}, 2);
        AssetEmbedding e = new AssetEmbedding(shape, new float[12], new float[4],
            new ShapeFrame(new double[3], 1, 1, 1, 1, UpAxis.Y));
        return Base64.getEncoder().encodeToString(PatchVectorsCodec.encode(e));
    }
}
