package org.align3d.plugin.stats;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentFragment;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * {@link InferenceStats} read at one moment, as sent between nodes and written in the stats response:
 * <pre>
 * "inference": {
 *   "embed_assets": {"tasks": 12, "items": 96, "failed": 0, "time_in_millis": 1450},
 *   "encode_text": {...}, "encode_query_asset": {...}, "segment": {...},
 *   "unreadable_assets": 1,
 *   "query_cache": {"hits": 40, "misses": 7, "entries": 7, "capacity": 2048}
 * }
 * </pre>
 */
public record InferenceStatsSnapshot(Map<InferenceOperation, Operation> operations, long unreadableAssets, long cacheHits,
                                     long cacheMisses, int cacheEntries, int cacheCapacity)
    implements Writeable, ToXContentFragment {

    /** One operation's counters; {@code items} counts assets or texts, {@code tasks} the model calls. */
    public record Operation(long tasks, long items, long failed, long timeInMillis) {
    }

    public static InferenceStatsSnapshot readFrom(StreamInput in) throws IOException {
        Map<InferenceOperation, Operation> ops = new EnumMap<>(InferenceOperation.class);
        int n = in.readVInt();
        for (int i = 0; i < n; i++) {
            ops.put(in.readEnum(InferenceOperation.class),
                new Operation(in.readVLong(), in.readVLong(), in.readVLong(), in.readVLong()));
        }
        return new InferenceStatsSnapshot(ops, in.readVLong(), in.readVLong(), in.readVLong(), in.readVInt(), in.readVInt());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeVInt(operations.size());
        for (Map.Entry<InferenceOperation, Operation> e : operations.entrySet()) {
            out.writeEnum(e.getKey());
            Operation o = e.getValue();
            out.writeVLong(o.tasks());
            out.writeVLong(o.items());
            out.writeVLong(o.failed());
            out.writeVLong(o.timeInMillis());
        }
        out.writeVLong(unreadableAssets);
        out.writeVLong(cacheHits);
        out.writeVLong(cacheMisses);
        out.writeVInt(cacheEntries);
        out.writeVInt(cacheCapacity);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder b, Params params) throws IOException {
        b.startObject("inference");
        for (Map.Entry<InferenceOperation, Operation> e : operations.entrySet()) {
            Operation o = e.getValue();
            b.startObject(e.getKey().field()).field("tasks", o.tasks()).field("items", o.items()).field("failed", o.failed())
                .field("time_in_millis", o.timeInMillis()).endObject();
        }
        b.field("unreadable_assets", unreadableAssets);
        b.startObject("query_cache").field("hits", cacheHits).field("misses", cacheMisses).field("entries", cacheEntries)
            .field("capacity", cacheCapacity).endObject();
        return b.endObject();
    }
}
