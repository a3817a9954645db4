package org.align3d.plugin.rest;

import static org.opensearch.rest.RestRequest.Method.GET;

import java.util.List;
import org.align3d.plugin.stats.Align3dStatsAction;
import org.align3d.plugin.stats.Align3dStatsRequest;
import org.opensearch.core.common.Strings;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code GET _plugins/align3d/stats} (every node) and {@code GET _plugins/align3d/{node_id}/stats} (a comma-separated
 * list of node ids or names, or any node filter such as {@code _local}): each node's models, model work and inference
 * pool; see {@link org.align3d.plugin.stats.Align3dStatsResponse}. Reading stats loads nothing.
 */
public final class RestStatsAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "align3d_stats";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(GET, "/_plugins/align3d/stats"), new Route(GET, "/_plugins/align3d/{node_id}/stats"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        String[] nodes = Strings.splitStringByCommaToArray(request.param("node_id"));
        return channel -> client.execute(Align3dStatsAction.INSTANCE, new Align3dStatsRequest(nodes),
            new RestToXContentListener<>(channel));
    }
}
