package org.align3d.plugin.model.register;

import java.io.IOException;
import org.opensearch.action.support.nodes.BaseNodesRequest;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** Register the bundle directory {@code modelId} on the given nodes (all nodes when none are named). */
public final class RegisterModelRequest extends BaseNodesRequest<RegisterModelRequest> {

    private final String modelId;

    public RegisterModelRequest(String modelId, String... nodeIds) {
        super(nodeIds);
        this.modelId = modelId;
    }

    public RegisterModelRequest(StreamInput in) throws IOException {
        super(in);
        this.modelId = in.readString();
    }

    public String modelId() {
        return modelId;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeString(modelId);
    }
}
