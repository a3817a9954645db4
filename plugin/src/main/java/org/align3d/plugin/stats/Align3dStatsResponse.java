package org.align3d.plugin.stats;

import java.io.IOException;
import java.util.List;
import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.nodes.BaseNodesResponse;
import org.opensearch.cluster.ClusterName;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * {@code GET _plugins/align3d/stats}:
 * <pre>
 * {"_nodes": {"total": 2, "successful": 2, "failed": 0}, "cluster_name": "...",
 *  "nodes": {"&lt;node id&gt;": {...}}}   (see {@link Align3dStatsNodeResponse}; failed nodes under "failures")
 * </pre>
 */
public final class Align3dStatsResponse extends BaseNodesResponse<Align3dStatsNodeResponse> implements ToXContentObject {

    public Align3dStatsResponse(ClusterName clusterName, List<Align3dStatsNodeResponse> nodes, List<FailedNodeException> failures) {
        super(clusterName, nodes, failures);
    }

    public Align3dStatsResponse(StreamInput in) throws IOException {
        super(in);
    }

    @Override
    protected List<Align3dStatsNodeResponse> readNodesFrom(StreamInput in) throws IOException {
        return in.readList(Align3dStatsNodeResponse::new);
    }

    @Override
    protected void writeNodesTo(StreamOutput out, List<Align3dStatsNodeResponse> nodes) throws IOException {
        out.writeList(nodes);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder b, Params params) throws IOException {
        b.startObject();
        b.startObject("_nodes").field("total", getNodes().size() + failures().size()).field("successful", getNodes().size())
            .field("failed", failures().size());
        if (hasFailures()) {
            b.startArray("failures");
            for (FailedNodeException f : failures()) {
                b.startObject().field("node", f.nodeId()).field("reason", f.getDetailedMessage()).endObject();
            }
            b.endArray();
        }
        b.endObject();
        b.field("cluster_name", getClusterName().value());
        b.startObject("nodes");
        for (Align3dStatsNodeResponse node : getNodes()) {
            b.startObject(node.getNode().getId());
            node.toXContent(b, params);
            b.endObject();
        }
        b.endObject();
        return b.endObject();
    }
}
