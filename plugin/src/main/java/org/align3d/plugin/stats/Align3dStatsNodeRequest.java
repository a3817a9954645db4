package org.align3d.plugin.stats;

import java.io.IOException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.transport.TransportRequest;

/** What one node receives: a request for its stats (it carries nothing). */
public final class Align3dStatsNodeRequest extends TransportRequest {

    Align3dStatsNodeRequest() {
    }

    public Align3dStatsNodeRequest(StreamInput in) throws IOException {
        super(in);
    }
}
