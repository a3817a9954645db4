package org.align3d.plugin.stats;

import java.io.IOException;
import java.util.List;
import org.align3d.plugin.model.ModelRegistry.LoadedModel;
import org.opensearch.action.support.nodes.BaseNodeResponse;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentFragment;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.threadpool.ThreadPoolStats;

/**
 * One node's stats:
 * <pre>
 * "name": "node-1",
 * "model_loads": 2,
 * "models_loaded": [{"id": "align3d-default", "generation": 1, "in_use": 0}],
 * "inference": {...}  (see {@link InferenceStatsSnapshot}),
 * "thread_pool": {"align3d_inference": {"threads", "queue", "active", "rejected", "largest", "completed", ...}}
 * </pre>
 */
public final class Align3dStatsNodeResponse extends BaseNodeResponse implements ToXContentFragment {

    private final long modelLoads;
    private final List<LoadedModel> models;
    private final InferenceStatsSnapshot inference;
    private final ThreadPoolStats.Stats pool;

    Align3dStatsNodeResponse(DiscoveryNode node, long modelLoads, List<LoadedModel> models, InferenceStatsSnapshot inference,
                             ThreadPoolStats.Stats pool) {
        super(node);
        this.modelLoads = modelLoads;
        this.models = models;
        this.inference = inference;
        this.pool = pool;
    }

    public Align3dStatsNodeResponse(StreamInput in) throws IOException {
        super(in);
        this.modelLoads = in.readVLong();
        this.models = in.readList(i -> new LoadedModel(i.readString(), i.readVLong(), i.readVInt()));
        this.inference = InferenceStatsSnapshot.readFrom(in);
        this.pool = in.readOptionalWriteable(ThreadPoolStats.Stats::new);
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeVLong(modelLoads);
        out.writeCollection(models, (o, m) -> {
            o.writeString(m.id());
            o.writeVLong(m.generation());
            o.writeVInt(m.inUse());
        });
        inference.writeTo(out);
        out.writeOptionalWriteable(pool);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder b, Params params) throws IOException {
        b.field("name", getNode().getName());
        b.field("model_loads", modelLoads);
        b.startArray("models_loaded");
        for (LoadedModel m : models) {
            b.startObject().field("id", m.id()).field("generation", m.generation()).field("in_use", m.inUse()).endObject();
        }
        b.endArray();
        inference.toXContent(b, params);
        b.startObject("thread_pool");
        if (pool != null) {
            pool.toXContent(b, params);
        }
        return b.endObject();
    }
}
