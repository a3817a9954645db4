package org.align3d.query;

import java.io.IOException;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.HafQuery;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/**
 * A query text as the coordinating node encoded it: the text in the model's joint space and that model's calibrated
 * retrieval policy. Both travel to the shards together, so a data node ranks with exactly the weights of the model
 * that encoded the text and never needs the model's files itself.
 *
 * <p>Wire format: the {@link HafQuery} as {@link HafQueryWire} writes it, then the policy's global, patch and part
 * weights and its attention temperature as four doubles.
 */
record EncodedQueryText(HafQuery query, HafPolicy policy) {

    static EncodedQueryText read(StreamInput in) throws IOException {
        HafQuery query = HafQueryWire.read(in);
        return new EncodedQueryText(query, new HafPolicy(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
    }

    void writeTo(StreamOutput out) throws IOException {
        HafQueryWire.write(out, query);
        out.writeDouble(policy.globalWeight());
        out.writeDouble(policy.patchWeight());
        out.writeDouble(policy.partWeight());
        out.writeDouble(policy.attentionTemperature());
    }
}
