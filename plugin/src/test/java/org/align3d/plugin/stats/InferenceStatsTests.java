package org.align3d.plugin.stats;

import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.test.OpenSearchTestCase;

public class InferenceStatsTests extends OpenSearchTestCase {

    public void testCountsPerOperation() {
        InferenceStats stats = new InferenceStats();
        stats.record(InferenceOperation.EMBED_ASSETS, 8, 3_000_000, false);
        stats.record(InferenceOperation.EMBED_ASSETS, 2, 2_500_000, true);
        stats.record(InferenceOperation.SEGMENT, 1, 40_000_000, false);
        stats.unreadableAsset();
        stats.queryCacheMiss();
        stats.queryCacheHit();
        stats.queryCacheHit();
        InferenceStatsSnapshot s = stats.snapshot(1, 2048);
        assertEquals(new InferenceStatsSnapshot.Operation(2, 10, 1, 5), s.operations().get(InferenceOperation.EMBED_ASSETS));
        assertEquals(new InferenceStatsSnapshot.Operation(1, 1, 0, 40), s.operations().get(InferenceOperation.SEGMENT));
        assertEquals(new InferenceStatsSnapshot.Operation(0, 0, 0, 0), s.operations().get(InferenceOperation.ENCODE_TEXT));
        assertEquals(1, s.unreadableAssets());
        assertEquals(2, s.cacheHits());
        assertEquals(1, s.cacheMisses());
    }

    public void testSnapshotTravelsBetweenNodesUnchanged() throws Exception {
        InferenceStats stats = new InferenceStats();
        for (InferenceOperation op : InferenceOperation.values()) {
            stats.record(op, randomIntBetween(0, 100), randomLongBetween(0, Long.MAX_VALUE / 8), randomBoolean());
        }
        stats.queryCacheHit();
        InferenceStatsSnapshot sent = stats.snapshot(randomIntBetween(0, 2048), 2048);
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            sent.writeTo(out);
            try (StreamInput in = out.bytes().streamInput()) {
                assertEquals(sent, InferenceStatsSnapshot.readFrom(in));
            }
        }
    }

    public void testJsonNamesEveryOperation() throws Exception {
        InferenceStats stats = new InferenceStats();
        stats.record(InferenceOperation.ENCODE_TEXT, 1, 1_000_000, false);
        XContentBuilder b = XContentFactory.jsonBuilder().startObject();
        stats.snapshot(1, 2048).toXContent(b, ToXContent.EMPTY_PARAMS);
        String json = b.endObject().toString();
        assertEquals("{\"inference\":{\"embed_assets\":{\"tasks\":0,\"items\":0,\"failed\":0,\"time_in_millis\":0},"
            + "\"encode_text\":{\"tasks\":1,\"items\":1,\"failed\":0,\"time_in_millis\":1},"
            + "\"encode_query_asset\":{\"tasks\":0,\"items\":0,\"failed\":0,\"time_in_millis\":0},"
            + "\"segment\":{\"tasks\":0,\"items\":0,\"failed\":0,\"time_in_millis\":0},"
            + "\"unreadable_assets\":0,\"query_cache\":{\"hits\":0,\"misses\":0,\"entries\":1,\"capacity\":2048}}}", json);
    }
}
