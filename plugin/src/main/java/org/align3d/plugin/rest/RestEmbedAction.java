package org.align3d.plugin.rest;

import static org.opensearch.rest.RestRequest.Method.POST;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.model.PatchVectorsCodec;
import org.align3d.ingest.AssetResolver;
import org.align3d.ingest.EmbedOutcome;
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
 * {@code POST _plugins/align3d/_embed}: the vectors of a text or an asset, for debugging and for clients that index
 * vectors themselves.
 *
 * <pre>
 * {"text": "a tall lamp", "model_id": "align3d-default"}
 *   -> {"model_id", "vector": [256], "tokens": [{"word", "weight", "vector": [64]}]}
 * {"asset": "&lt;base64 mesh&gt;" | {"path": "..."}, "model_id": ..., "up_axis": "y" | "z" (optional)}
 *   -> {"model_id", "shape": {"vector": [256], "patches": "&lt;base64&gt;", "extent": [w, h, d], "model_id"}}
 * </pre>
 * The {@code shape} object is exactly a {@code shape_vector} field value.
 */
public final class RestEmbedAction extends BaseRestHandler {

    private final InferenceService inference;
    private final AssetResolver assets;

    public RestEmbedAction(InferenceService inference, AssetResolver assets) {
        this.inference = inference;
        this.assets = assets;
    }

    @Override
    public String getName() {
        return "align3d_embed";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(POST, "/_plugins/align3d/_embed"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        Map<String, Object> body = RestBodies.body(request);
        String model = RestBodies.modelId(body);
        String text = RestBodies.string(body, "text", null, 1000);
        Object asset = body.get("asset");
        if ((text == null) == (asset == null)) {
            throw new IllegalArgumentException("give exactly one of [text] and [asset]");
        }
        if (text != null) {
            return channel -> inference.encodeText(model, text, ActionListener.wrap(q -> {
                XContentBuilder b = channel.newBuilder();
                b.startObject().field("model_id", model).field("vector", q.global()).startArray("tokens");
                writeTokens(b, q);
                b.endArray().endObject();
                channel.sendResponse(new BytesRestResponse(RestStatus.OK, b));
            }, e -> RestFailures.send(channel, e)));
        }
        return channel -> RestBodies.withAsset(client, assets, body, channel, source -> inference.embed(model, List.of(source),
            ActionListener.wrap(outcomes -> sendShape(channel, model, outcomes.get(0)), e -> RestFailures.send(channel, e))));
    }

    /** The asset's {@code shape_vector} value, or its failure as a 400. */
    private static void sendShape(RestChannel channel, String model, EmbedOutcome o) throws IOException {
        if (o.failure() != null) {
            RestFailures.send(channel, new IllegalArgumentException("asset: " + o.failure().getMessage(), o.failure()));
            return;
        }
        XContentBuilder b = channel.newBuilder();
        b.startObject().field("model_id", model).startObject("shape").field("vector", o.embedding().vector())
            .field("patches", Base64.getEncoder().encodeToString(PatchVectorsCodec.encode(o.embedding())))
            .array("extent", o.embedding().frame().width(), o.embedding().frame().height(), o.embedding().frame().depth())
            .field("model_id", model).endObject().endObject();
        channel.sendResponse(new BytesRestResponse(RestStatus.OK, b));
    }

    private static void writeTokens(XContentBuilder b, HafQuery q) throws IOException {
        for (int i = 0; i < q.tokens().length; i++) {
            b.startObject().field("word", q.words().get(q.tokenWords()[i])).field("weight", q.tokenWeights()[i])
                .field("vector", q.tokens()[i]).endObject();
        }
    }
}
