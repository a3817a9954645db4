package org.align3d.plugin.rest;

import static org.opensearch.rest.RestRequest.Method.POST;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.align3d.encoder.model.Segmentation;
import org.align3d.ingest.AssetResolver;
import org.align3d.plugin.model.InferenceService;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestRequest;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code POST _plugins/align3d/_segment}: zero-shot part segmentation (PatchAlign3D), one forward pass.
 *
 * <pre>
 * {"asset": "&lt;base64 mesh&gt;" | {"path": ...}, "parts": ["seat", "back", "leg"], "model_id": "align3d-default",
 *  "up_axis": "y" | "z" (optional)}
 *   -> {"model_id", "parts": [...], "counts": {"seat": 700, ...},
 *       "points": [[x, y, z], ...] (sampled, in the file's coordinates), "labels": [0, 2, ...] (index into parts)}
 * </pre>
 * At most 64 part names of at most 100 characters.
 */
public final class RestSegmentAction extends BaseRestHandler {

    static final int MAX_PARTS = 64;
    private final InferenceService inference;
    private final AssetResolver assets;

    public RestSegmentAction(InferenceService inference, AssetResolver assets) {
        this.inference = inference;
        this.assets = assets;
    }

    @Override
    public String getName() {
        return "align3d_segment";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(POST, "/_plugins/align3d/_segment"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        Map<String, Object> body = RestBodies.body(request);
        String model = RestBodies.modelId(body);
        List<String> parts = RestBodies.strings(body, "parts", MAX_PARTS, 100);
        return channel -> RestBodies.withAsset(client, assets, body, channel, source -> inference.segment(model, source, parts,
            ActionListener.wrap(s -> sendSegmentation(channel, model, s), e -> RestFailures.send(channel, e))));
    }

    /** Part names, the count of points per part, the points and a label per point. */
    private static void sendSegmentation(RestChannel channel, String model, Segmentation s) throws IOException {
        XContentBuilder b = channel.newBuilder();
        b.startObject().field("model_id", model).field("parts", s.names());
        int[] counts = new int[s.names().size()];
        for (int label : s.labels()) {
            counts[label]++;
        }
        b.startObject("counts");
        for (int i = 0; i < counts.length; i++) {
            b.field(s.names().get(i), counts[i]);
        }
        b.endObject();
        writePoints(b, s);
        b.field("labels", s.labels());
        b.endObject();
        channel.sendResponse(new BytesRestResponse(RestStatus.OK, b));
    }

    private static void writePoints(XContentBuilder b, Segmentation s) throws IOException {
        b.startArray("points");
        float[] p = s.positions();
        for (int i = 0; i < p.length; i += 3) {
            b.startArray().value(p[i]).value(p[i + 1]).value(p[i + 2]).endArray();
        }
        b.endArray();
    }
}
