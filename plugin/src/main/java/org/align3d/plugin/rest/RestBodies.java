package org.align3d.plugin.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.align3d.ingest.AssetException;
import org.align3d.ingest.AssetResolver;
import org.align3d.mesh.MeshSource;
import org.align3d.mesh.UpAxis;
import org.align3d.query.NeuralShapeQueryBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestRequest;
import org.opensearch.transport.client.node.NodeClient;

/** Reading align3d's small JSON request bodies, with errors that name the member. */
final class RestBodies {

    private RestBodies() {}

    static Map<String, Object> body(RestRequest request) throws IOException {
        if (!request.hasContent()) {
            throw new IllegalArgumentException("request body is required");
        }
        try (XContentParser parser = request.contentParser()) {
            return parser.map();
        }
    }

    /** The request's {@code model_id}, the default model when it names none. */
    static String modelId(Map<String, Object> body) {
        return string(body, "model_id", NeuralShapeQueryBuilder.DEFAULT_MODEL, 64);
    }

    static String string(Map<String, Object> body, String key, String fallback, int maxLength) {
        Object v = body.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("[" + key + "] must be a string, got " + kind(v));
        }
        if (s.length() > maxLength) {
            throw new IllegalArgumentException("[" + key + "] is longer than " + maxLength + " characters");
        }
        return s;
    }

    static List<String> strings(Map<String, Object> body, String key, int maxItems, int maxLength) {
        Object v = body.get(key);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("[" + key + "] must be a non-empty array of strings");
        }
        if (list.size() > maxItems) {
            throw new IllegalArgumentException("[" + key + "] has " + list.size() + " items; the limit is " + maxItems);
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isBlank() || s.length() > maxLength) {
                throw new IllegalArgumentException("[" + key + "] item " + i + " must be a non-empty string of at most " + maxLength
                    + " characters, got " + kind(list.get(i)));
            }
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** What a JSON value is, for a refusal: "a number", "an object", "12 characters", "a blank string", ... */
    static String kind(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> s.isBlank() ? "a blank string" : s.length() + " characters";
            case Number n -> "a number";
            case Boolean b -> "a boolean";
            case Map<?, ?> m -> "an object";
            case List<?> l -> "an array";
            default -> value.getClass().getSimpleName();
        };
    }

    /**
     * Reads the request's asset (a file of up to {@code align3d.assets.max_bytes} under the asset roots, or base64 to
     * decode) on the generic pool, never on the network thread that called the handler, then hands it to {@code then};
     * a refused asset is answered on the channel (400, naming the problem).
     */
    static void withAsset(NodeClient client, AssetResolver assets, Map<String, Object> body, RestChannel channel,
                          Consumer<MeshSource> then) {
        client.threadPool().generic().execute(client.threadPool().getThreadContext().preserveContext(() -> {
            MeshSource source;
            try {
                source = asset(assets, body);
            } catch (RuntimeException e) {
                RestFailures.send(channel, e);
                return;
            }
            then.accept(source);
        }));
    }

    /**
     * The body's {@code asset} (base64, or a path under the node's asset roots) as mesh bytes, with the optional
     * {@code up_axis} ("y" or "z") it declares; bad input is a 400.
     */
    private static MeshSource asset(AssetResolver assets, Map<String, Object> body) {
        if (!body.containsKey("asset")) {
            throw new IllegalArgumentException("[asset] is required: base64 of a mesh, or {\"path\": ...} under the asset roots");
        }
        UpAxis upAxis = null;
        if (body.get("up_axis") != null) {
            try {
                upAxis = UpAxis.parse(String.valueOf(body.get("up_axis")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("[up_axis]: " + e.getMessage(), e);
            }
        }
        try {
            return assets.resolve("asset", body.get("asset")).withUpAxis(upAxis);
        } catch (AssetException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
