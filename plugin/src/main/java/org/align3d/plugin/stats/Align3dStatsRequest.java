package org.align3d.plugin.stats;

import java.io.IOException;
import org.opensearch.action.support.nodes.BaseNodesRequest;
import org.opensearch.core.common.io.stream.StreamInput;

/** Stats of the given nodes (ids, names or any node filter OpenSearch accepts; all nodes when none). */
public final class Align3dStatsRequest extends BaseNodesRequest<Align3dStatsRequest> {

    public Align3dStatsRequest(String... nodeIds) {
        super(nodeIds);
    }

    public Align3dStatsRequest(StreamInput in) throws IOException {
        super(in);
    }
}
