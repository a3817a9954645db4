package org.align3d.plugin.model.register;

import java.io.IOException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.transport.TransportRequest;

/** What one node receives: the bundle directory to register. */
public final class RegisterModelNodeRequest extends TransportRequest {

    private final String modelId;

    RegisterModelNodeRequest(String modelId) {
        this.modelId = modelId;
    }

    public RegisterModelNodeRequest(StreamInput in) throws IOException {
        super(in);
        this.modelId = in.readString();
    }

    String modelId() {
        return modelId;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeString(modelId);
    }
}
