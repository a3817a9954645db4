package org.align3d.plugin.model.register;

import java.io.IOException;
import org.opensearch.action.support.nodes.BaseNodeResponse;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** One node's registration: the model it now serves and the joint dimension of the bundle it verified and loaded. */
public final class RegisterModelNodeResponse extends BaseNodeResponse {

    private final String modelId;
    private final int dimension;

    RegisterModelNodeResponse(DiscoveryNode node, String modelId, int dimension) {
        super(node);
        this.modelId = modelId;
        this.dimension = dimension;
    }

    public RegisterModelNodeResponse(StreamInput in) throws IOException {
        super(in);
        this.modelId = in.readString();
        this.dimension = in.readVInt();
    }

    public String modelId() {
        return modelId;
    }

    public int dimension() {
        return dimension;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeString(modelId);
        out.writeVInt(dimension);
    }
}
