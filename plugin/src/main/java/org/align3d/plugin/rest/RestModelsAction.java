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
import org.align3d.plugin.model.register.RegisterModelAction;
import org.align3d.plugin.model.register.RegisterModelRequest;
import org.align3d.plugin.model.register.RegisterModelResponse;
import org.opensearch.ExceptionsHelper;
import org.opensearch.action.FailedNodeException;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestRequest;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code GET _plugins/align3d/models[/{id}]} lists the node's model bundles (id, source, dimensions, whether it has a
 * point-level part head for {@code _segment}, HAF policies, model card). {@code POST _plugins/align3d/models {"id": "<directory>"}} adds a bundle copied into
 * {@code <config>/align3d/models/<directory>} after the node started, on every node of the cluster (each copies the
 * bundle into its own config directory first): each node verifies and loads it at once, so a bad bundle is refused
 * with the file named. The answer lists the model as the receiving node has it, and {@code _nodes} counts the nodes
 * that registered it; {@code failures} names any node that did not, and why. When no node could register it, the
 * answer is the first node's error (400 for a bad bundle or an unknown directory).
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
            return channel -> client.execute(RegisterModelAction.INSTANCE, new RegisterModelRequest(id), ActionListener.wrap(
                response -> sendRegistered(channel, registry, id, response), e -> RestFailures.send(channel, e)));
        }
        String only = request.param("id");
        return channel -> {
            List<ModelRegistry.Entry> entries = registry.entries().stream().filter(e -> only == null || e.id().equals(only)).toList();
            if (only != null && entries.isEmpty()) {
                RestFailures.send(channel, new org.align3d.plugin.model.UnknownModelException(only,
                    registry.entries().stream().map(ModelRegistry.Entry::id).toList()));
                return;
            }
            send(channel, registry, entries);
        };
    }

    private static void sendRegistered(RestChannel channel, ModelRegistry registry, String id, RegisterModelResponse response)
        throws IOException {
        if (response.getNodes().isEmpty() && response.hasFailures()) {
            Throwable cause = ExceptionsHelper.unwrapCause(response.failures().get(0).getCause());
            RestFailures.send(channel, cause instanceof Exception e ? e : response.failures().get(0));
            return;
        }
        List<ModelRegistry.Entry> local = registry.entries().stream().filter(e -> e.id().equals(id)).toList();
        XContentBuilder b = channel.newBuilder();
        b.startObject();
        b.startObject("_nodes").field("total", response.getNodes().size() + response.failures().size())
            .field("successful", response.getNodes().size()).field("failed", response.failures().size()).endObject();
        if (response.hasFailures()) {
            b.startArray("failures");
            for (FailedNodeException f : response.failures()) {
                Throwable cause = ExceptionsHelper.unwrapCause(f.getCause() == null ? f : f.getCause());
                b.startObject().field("node", f.nodeId()).field("reason", cause.getMessage()).endObject();
            }
            b.endArray();
        }
        writeModels(b, registry, local);
        b.endObject();
        channel.sendResponse(new BytesRestResponse(response.hasFailures() ? RestStatus.OK : RestStatus.CREATED, b));
    }

    private static void send(RestChannel channel, ModelRegistry registry, List<ModelRegistry.Entry> entries)
        throws IOException {
        XContentBuilder b = channel.newBuilder();
        b.startObject();
        writeModels(b, registry, entries);
        b.endObject();
        channel.sendResponse(new BytesRestResponse(RestStatus.OK, b));
    }

    private static void writeModels(XContentBuilder b, ModelRegistry registry, List<ModelRegistry.Entry> entries) throws IOException {
        b.startArray("models");
        for (ModelRegistry.Entry e : entries) {
            b.startObject().field("id", e.id()).field("source", e.source()).field("loaded", registry.isLoaded(e.id()));
            try {
                BundleConfig c = registry.config(e.id());
                b.field("dimension", c.shape().jointDim()).field("token_dimension", c.shape().tokenDim())
                    .field("points", c.shape().points()).field("patches", c.shape().patches()).field("text_model", c.textModel())
                    .field("part_head", c.hasPartHead());
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
        b.endArray();
    }
}
