package org.align3d.plugin.rest;

import static org.opensearch.rest.RestRequest.Method.GET;
import static org.opensearch.rest.RestRequest.Method.POST;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.align3d.encoder.bundle.BundleConfig;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.plugin.model.InferenceService;
import org.align3d.plugin.model.ModelRegistry;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestRequest;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code GET _plugins/align3d/models[/{id}]} lists the node's model bundles (id, source, dimensions, HAF policies,
 * model card). {@code POST _plugins/align3d/models {"id": "<directory>"}} adds a bundle copied into
 * {@code <config>/align3d/models/<directory>} after the node started; it is verified and loaded at once, so a bad
 * bundle is refused with the file named. Registration is per node.
 */
public final class RestModelsAction extends BaseRestHandler {

    private final InferenceService inference;

    public RestModelsAction(InferenceService inference) {
        this.inference = inference;
    }

    @Override
    public String getName() {
        return "align3d_models";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(GET, "/_plugins/align3d/models"), new Route(GET, "/_plugins/align3d/models/{id}"),
            new Route(POST, "/_plugins/align3d/models"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        ModelRegistry registry = inference.registry();
        if (request.method() == POST) {
            String id = RestBodies.string(RestBodies.body(request), "id", null, 64);
            if (id == null) {
                throw new IllegalArgumentException("[id] is required: the directory name of the bundle under <config>/align3d/models");
            }
            return channel -> inference.engine().run(
                () -> registry.register(id, inference.engine().engineNow().device()),
                ActionListener.wrap(entry -> send(channel, registry, List.of(entry), true), e -> RestFailures.send(channel, e)));
        }
        String only = request.param("id");
        return channel -> {
            List<ModelRegistry.Entry> entries = registry.entries().stream().filter(e -> only == null || e.id().equals(only)).toList();
            if (only != null && entries.isEmpty()) {
                RestFailures.send(channel, new org.align3d.plugin.model.UnknownModelException(only,
                    registry.entries().stream().map(ModelRegistry.Entry::id).toList()));
                return;
            }
            send(channel, registry, entries, false);
        };
    }

    private static void send(RestChannel channel, ModelRegistry registry, List<ModelRegistry.Entry> entries, boolean created)
        throws IOException {
        XContentBuilder b = channel.newBuilder();
        b.startObject().startArray("models");
        for (ModelRegistry.Entry e : entries) {
            b.startObject().field("id", e.id()).field("source", e.source()).field("loaded", registry.isLoaded(e.id()));
            try {
                BundleConfig c = registry.config(e.id());
                b.field("dimension", c.shape().jointDim()).field("token_dimension", c.shape().tokenDim())
                    .field("points", c.shape().points()).field("patches", c.shape().patches()).field("text_model", c.textModel());
                b.startObject("haf");
                for (Map.Entry<String, HafPolicy> p : c.policies().entrySet()) {
                    HafPolicy v = p.getValue();
                    b.startObject(p.getKey()).field("global", v.globalWeight()).field("patch", v.patchWeight())
                        .field("part", v.partWeight()).field("attention_temperature", v.attentionTemperature()).endObject();
                }
                b.endObject();
                b.field("versions", c.versions());
                b.field("model_card", registry.modelCard(e.id()));
            } catch (Exception ex) {
                b.field("error", ex.getMessage());
            }
            b.endObject();
        }
        b.endArray().endObject();
        channel.sendResponse(new BytesRestResponse(created ? RestStatus.CREATED : RestStatus.OK, b));
    }
}
