package org.align3d.client.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * An index with its ingest pipeline and model.
 *
 * @param index    index name (lowercase; default {@value #DEFAULT_INDEX})
 * @param pipeline ingest pipeline name (default {@value #DEFAULT_PIPELINE})
 * @param modelId  the model the {@code shape_vector} field and the processor use (default {@value #DEFAULT_MODEL})
 * @param upAxis   {@code "y"} or {@code "z"}: the catalogue's up axis, given to the processor as {@code up_axis};
 *                 null leaves each file to its format's convention
 */
public record IngestTarget(String index, String pipeline, String modelId, String upAxis) {

    public static final String DEFAULT_INDEX = "catalog";
    public static final String DEFAULT_PIPELINE = "align3d-shapes";
    public static final String DEFAULT_MODEL = "align3d-default";

    /** The source field holding the base64 mesh, and the shape_vector field the processor fills. */
    public static final String ASSET_FIELD = "asset";
    public static final String SHAPE_FIELD = "shape";

    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,254}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public IngestTarget {
        if (!INDEX_NAME.matcher(index).matches()) {
            throw new IllegalArgumentException("--index [" + index + "] must be lowercase letters, digits, '.', '_' "
                    + "or '-', starting with a letter or digit, at most 255 characters");
        }
        if (!NAME.matcher(pipeline).matches()) {
            throw new IllegalArgumentException("--pipeline [" + pipeline + "] must be letters, digits, '.', '_' or '-', "
                    + "at most 255 characters");
        }
        if (!NAME.matcher(modelId).matches()) {
            throw new IllegalArgumentException("--model [" + modelId + "] must be letters, digits, '.', '_' or '-'");
        }
        if (upAxis != null && !upAxis.equals("y") && !upAxis.equals("z")) {
            throw new IllegalArgumentException("--up-axis [" + upAxis + "] must be y or z");
        }
    }

    /** A target whose files follow their formats' up-axis conventions. */
    public IngestTarget(String index, String pipeline, String modelId) {
        this(index, pipeline, modelId, null);
    }

    /** Settings and mappings of a new catalog index (one shard, no replica, align3d's codec). */
    public JsonNode indexBody() {
        return parse("""
                {"settings": {"index": {"align3d": true, "number_of_shards": 1, "number_of_replicas": 0}},
                 "mappings": {
                   "properties": {
                     "name": {"type": "text"}, "tags": {"type": "keyword"}, "description": {"type": "text"},
                     "file": {"type": "keyword"}, "format": {"type": "keyword"},
                     "shape": {"type": "shape_vector", "model_id": "%s"}}}}""".formatted(modelId));
    }

    public JsonNode pipelineBody() {
        return parse("""
                {"description": "align3d: embeds the mesh in 'asset' into the shape_vector field 'shape' (model %s), then drops the mesh bytes",
                 "processors": [{"shape_embedding": {"model_id": "%s", "field_map": {"asset": "shape"}, "batch_size": 16%s}},
                                {"remove": {"field": "asset", "ignore_missing": true}}]}"""
                .formatted(modelId, modelId, upAxis == null ? "" : ", \"up_axis\": \"" + upAxis + "\""));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
