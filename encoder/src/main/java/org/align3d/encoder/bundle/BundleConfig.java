package org.align3d.encoder.bundle;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.parts.PointContext;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.json.JsonFormatException;
import org.align3d.json.JsonObject;

/**
 * {@code bundle.json}: what a model bundle holds and how to rebuild its networks.
 *
 * <pre>
 * {
 *   "format": "align3d-bundle/1",
 *   "id": "align3d-default",
 *   "text_model": "all-minilm-l6-v2-q",
 *   "shape_encoder": {"points": 2048, "patches": 64, "patch_size": 32, "channels": 6, "width": 128,
 *                     "depth": 2, "heads": 4, "joint_dim": 256, "token_dim": 64},
 *   "part_groups": 8,
 *   "part_head": {"width": 128, "neighbours": 3},
 *   "haf": {"retrieval": {"global": 1.0, "patch": 0.6, "part": 0.2, "attention_temperature": 0.1},
 *           "classification": {...}},
 *   "versions": {"align3d": "0.1.0-SNAPSHOT", "djl": "0.35.1", "pytorch": "2.7.1"}
 * }
 * </pre>
 * {@code part_head} is optional: a bundle with it has a {@link org.align3d.encoder.parts.PartHead} of that width in
 * {@code part-head.params}, reading {@code neighbours} patches per point (which must be
 * {@link PointContext#NEIGHBOURS}); a bundle without it segments parts from patch vectors alone.
 * A bundle of another {@code format} is refused: the loader cannot know what its files mean.
 *
 * @param partHeadWidth hidden width of the point-level part head, 0 when the bundle has none
 */
public record BundleConfig(String id, String textModel, ShapeEncoderConfig shape, int partGroups, int partHeadWidth,
                           Map<String, HafPolicy> policies, Map<String, String> versions) {

    public static final String FORMAT = "align3d-bundle/1";
    public static final String TEXT_MODEL = "all-minilm-l6-v2-q";
    public static final String RETRIEVAL = "retrieval";
    public static final String CLASSIFICATION = "classification";

    /** A bundle id: 1-64 of a-z 0-9 _ . - starting with a letter or digit (it names a directory and a model). */
    public static String requireId(String id) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("bundle id [" + id + "] must be 1-64 of a-z 0-9 _ . - starting with a letter or digit");
        }
        return id;
    }

    public BundleConfig {
        requireId(id);
        if (!policies.containsKey(RETRIEVAL)) {
            throw new IllegalArgumentException("bundle " + id + " lacks the retrieval HAF policy");
        }
        if (partHeadWidth < 0) {
            throw new IllegalArgumentException("bundle " + id + ": part head width must be >= 0, got " + partHeadWidth);
        }
        policies = Map.copyOf(policies);
        versions = Map.copyOf(versions);
    }

    /** A bundle without a part head. */
    public BundleConfig(String id, String textModel, ShapeEncoderConfig shape, int partGroups,
                        Map<String, HafPolicy> policies, Map<String, String> versions) {
        this(id, textModel, shape, partGroups, 0, policies, versions);
    }

    public boolean hasPartHead() {
        return partHeadWidth > 0;
    }

    /** This config with a part head of {@code width} hidden units. */
    public BundleConfig withPartHead(int width) {
        return new BundleConfig(id, textModel, shape, partGroups, width, policies, versions);
    }

    public HafPolicy policy(String task) {
        return policies.getOrDefault(task, policies.get(RETRIEVAL));
    }

    public String toJson() {
        StringBuilder s = new StringBuilder();
        s.append("{\n  \"format\": \"").append(FORMAT).append("\",\n");
        s.append("  \"id\": \"").append(id).append("\",\n");
        s.append("  \"text_model\": \"").append(textModel).append("\",\n");
        s.append(String.format(Locale.ROOT, "  \"shape_encoder\": {\"points\": %d, \"patches\": %d, \"patch_size\": %d, "
                + "\"channels\": %d, \"width\": %d, \"depth\": %d, \"heads\": %d, \"joint_dim\": %d, \"token_dim\": %d},%n",
            shape.points(), shape.patches(), shape.patchSize(), shape.channels(), shape.width(), shape.depth(), shape.heads(),
            shape.jointDim(), shape.tokenDim()));
        s.append("  \"part_groups\": ").append(partGroups).append(",\n");
        if (hasPartHead()) {
            s.append("  \"part_head\": {\"width\": ").append(partHeadWidth).append(", \"neighbours\": ")
                .append(PointContext.NEIGHBOURS).append("},\n");
        }
        s.append("  \"haf\": {");
        String sep = "\n";
        for (Map.Entry<String, HafPolicy> e : new TreeMap<>(policies).entrySet()) {
            HafPolicy p = e.getValue();
            s.append(sep).append(String.format(Locale.ROOT,
                "    \"%s\": {\"global\": %s, \"patch\": %s, \"part\": %s, \"attention_temperature\": %s}",
                e.getKey(), p.globalWeight(), p.patchWeight(), p.partWeight(), p.attentionTemperature()));
            sep = ",\n";
        }
        s.append("\n  },\n  \"versions\": {");
        sep = "";
        for (Map.Entry<String, String> e : new TreeMap<>(versions).entrySet()) {
            s.append(sep).append('"').append(e.getKey()).append("\": \"").append(e.getValue()).append('"');
            sep = ", ";
        }
        return s.append("}\n}\n").toString();
    }

    public static BundleConfig parse(String json) throws BundleException {
        try {
            JsonObject o = JsonObject.parse(json);
            String format = o.string("format");
            if (!FORMAT.equals(format)) {
                throw new BundleException("bundle.json has format [" + format + "]; this align3d reads " + FORMAT);
            }
            String textModel = o.string("text_model");
            if (!TEXT_MODEL.equals(textModel)) {
                throw new BundleException("bundle.json needs text model [" + textModel + "]; this align3d has " + TEXT_MODEL);
            }
            JsonObject s = o.object("shape_encoder");
            ShapeEncoderConfig shape = new ShapeEncoderConfig(s.intIn("points", 64, 65_536), s.intIn("patches", 4, 1024),
                s.intIn("patch_size", 4, 256), s.intIn("channels", 3, 16), s.intIn("width", 16, 1024), s.intIn("depth", 0, 16),
                s.intIn("heads", 1, 32), s.intIn("joint_dim", 8, 2048), s.intIn("token_dim", 8, 1024));
            JsonObject haf = o.object("haf");
            Map<String, HafPolicy> policies = new TreeMap<>();
            for (String task : haf.keys()) {
                JsonObject p = haf.object(task);
                policies.put(task, new HafPolicy(p.number("global"), p.number("patch"), p.number("part"),
                    p.number("attention_temperature")));
            }
            int partHeadWidth = 0;
            if (o.has("part_head")) {
                JsonObject head = o.object("part_head");
                int neighbours = head.intIn("neighbours", 1, 64);
                if (neighbours != PointContext.NEIGHBOURS) {
                    throw new BundleException("bundle.json: part_head reads " + neighbours + " patches per point; this align3d's "
                        + "part head reads " + PointContext.NEIGHBOURS);
                }
                partHeadWidth = head.intIn("width", 1, 4096);
            }
            return new BundleConfig(o.string("id"), textModel, shape, o.intIn("part_groups", 1, 64), partHeadWidth, policies,
                o.stringMap("versions"));
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw new BundleException("bundle.json is invalid: " + e.getMessage(), e);
        }
    }
}
