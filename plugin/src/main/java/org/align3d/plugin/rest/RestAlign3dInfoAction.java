package org.align3d.plugin.rest;

import static org.opensearch.rest.RestRequest.Method.GET;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.align3d.encoder.runtime.EngineInfo;
import org.align3d.plugin.BuildInfo;
import org.align3d.plugin.engine.NodeEngine;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestRequest;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code GET _plugins/align3d}: what the plugin is and how it runs on the node that answers.
 *
 * <pre>
 * {
 *   "name": "align3d", "version": "0.1.0", "opensearch_version": "3.8.0",
 *   "settings": { "device": "auto", "assets_roots": [] },
 *   "engine": { "name": "PyTorch", "version": "2.7.1", "device": "cpu", "gpu_count": 0,
 *               "threads": { "intra_op": 2, "inter_op": 2 } }
 * }
 * </pre>
 *
 * The {@code engine} block starts the node's engine if no request has yet (a few seconds, once). With
 * {@code ?engine=false} the response leaves the engine alone and omits the block. If the engine cannot start,
 * the response is an error naming why.
 */
public final class RestAlign3dInfoAction extends BaseRestHandler {

    private final BuildInfo build;
    private final NodeEngine engine;
    private final List<Path> assetsRoots;

    public RestAlign3dInfoAction(BuildInfo build, NodeEngine engine, List<Path> assetsRoots) {
        this.build = build;
        this.engine = engine;
        this.assetsRoots = assetsRoots;
    }

    @Override
    public String getName() {
        return "align3d_info";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(GET, "/_plugins/align3d"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        boolean withEngine = request.paramAsBoolean("engine", true);
        return channel -> {
            if (!withEngine) {
                sendInfo(channel, null);
                return;
            }
            engine.engine(ActionListener.wrap(info -> sendInfo(channel, info), e -> RestFailures.send(channel, e)));
        };
    }

    private void sendInfo(RestChannel channel, EngineInfo info) throws IOException {
        XContentBuilder b = channel.newBuilder();
        b.startObject();
        b.field("name", "align3d");
        b.field("version", build.version());
        b.field("opensearch_version", build.opensearchVersion());
        b.startObject("settings");
        b.field("device", engine.preference().settingValue());
        b.array("assets_roots", assetsRoots.stream().map(Path::toString).toArray(String[]::new));
        b.endObject();
        if (info != null) {
            b.startObject("engine");
            b.field("name", info.engineName());
            b.field("version", info.version());
            b.field("device", info.deviceName());
            b.field("gpu_count", info.gpuCount());
            b.startObject("threads").field("intra_op", info.intraOpThreads()).field("inter_op", info.interOpThreads()).endObject();
            b.endObject();
        }
        b.endObject();
        channel.sendResponse(new BytesRestResponse(RestStatus.OK, b));
    }
}
