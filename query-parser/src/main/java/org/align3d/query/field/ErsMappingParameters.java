package org.align3d.query.field;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.align3d.ers.ErsParameters;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * The optional {@code "ers"} object of a {@code shape_vector} mapping, parsed into {@link ErsParameters}:
 * {@code leaf_size}, {@code branching}, {@code spill_ratio}, {@code bits} (4 or 8), {@code graph_degree},
 * {@code search_leaves} (the default per-query budget) and {@code oversample}. Omitted keys keep ERS's defaults;
 * unknown keys are refused.
 */
final class ErsMappingParameters {

    static final Set<String> KEYS = Set.of("leaf_size", "branching", "spill_ratio", "bits", "graph_degree", "search_leaves",
        "oversample");

    private ErsMappingParameters() {}

    static ErsParameters parse(String field, Object value) {
        if (value == null) {
            return ErsParameters.DEFAULTS;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("[" + field + "] ers must be an object, got [" + value + "]");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("[" + field + "] unknown ers parameter [" + key + "]; known: " + KEYS);
            }
        }
        ErsParameters d = ErsParameters.DEFAULTS;
        try {
            return new ErsParameters(
                integer(field, map, "leaf_size", d.leafSize()),
                integer(field, map, "branching", d.branching()),
                (float) number(field, map, "spill_ratio", d.spillRatio()),
                integer(field, map, "bits", d.bits()),
                integer(field, map, "graph_degree", d.graphDegree()),
                integer(field, map, "search_leaves", d.searchLeaves()),
                integer(field, map, "oversample", d.oversample()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("[" + field + "] " + e.getMessage(), e);
        }
    }

    static void toXContent(XContentBuilder b, String name, ErsParameters p) throws IOException {
        b.startObject(name)
            .field("leaf_size", p.leafSize())
            .field("branching", p.branching())
            .field("spill_ratio", p.spillRatio())
            .field("bits", p.bits())
            .field("graph_degree", p.graphDegree())
            .field("search_leaves", p.searchLeaves())
            .field("oversample", p.oversample())
            .endObject();
    }

    private static int integer(String field, Map<?, ?> map, String key, int fallback) {
        double v = number(field, map, key, fallback);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("[" + field + "] ers." + key + " must be an integer, got " + v);
        }
        return (int) v;
    }

    private static double number(String field, Map<?, ?> map, String key, double fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("[" + field + "] ers." + key + " must be a number, got [" + v + "]");
        }
    }
}
