package org.align3d.plugin.model.register;

import java.io.IOException;
import java.util.List;
import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.nodes.BaseNodesResponse;
import org.opensearch.cluster.ClusterName;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** Every node's registration, and the nodes that refused the bundle with their reasons. */
public final class RegisterModelResponse extends BaseNodesResponse<RegisterModelNodeResponse> {

    public RegisterModelResponse(ClusterName clusterName, List<RegisterModelNodeResponse> nodes, List<FailedNodeException> failures) {
        super(clusterName, nodes, failures);
    }

    public RegisterModelResponse(StreamInput in) throws IOException {
        super(in);
    }

    @Override
    protected List<RegisterModelNodeResponse> readNodesFrom(StreamInput in) throws IOException {
        return in.readList(RegisterModelNodeResponse::new);
    }

    @Override
    protected void writeNodesTo(StreamOutput out, List<RegisterModelNodeResponse> nodes) throws IOException {
        out.writeList(nodes);
    }
}
