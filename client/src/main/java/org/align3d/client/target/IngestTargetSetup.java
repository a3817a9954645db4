package org.align3d.client.target;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.align3d.client.http.ClusterClient;
import org.align3d.client.http.ClusterRequestException;

/**
 * Creates the index and the pipeline when missing; checks them when present. Never recreates, updates or deletes
 * either: an existing index or pipeline that does not fit is an error naming it, so a user's data is never touched.
 */
public final class IngestTargetSetup {

    /** What {@link #ensure} did. */
    public record Outcome(boolean createdIndex, boolean createdPipeline) {
    }

    private final ClusterClient client;

    public IngestTargetSetup(ClusterClient client) {
        this.client = client;
    }

    public Outcome ensure(IngestTarget target) throws IOException, TargetException {
        boolean pipeline = ensurePipeline(target);
        boolean index = ensureIndex(target);
        return new Outcome(index, pipeline);
    }

    private boolean ensurePipeline(IngestTarget target) throws IOException, TargetException {
        String path = "/_ingest/pipeline/" + target.pipeline();
        JsonNode existing = client.getIfExists(path);
        if (existing == null) {
            client.json("PUT", path, target.pipelineBody());
            return true;
        }
        for (JsonNode processor : existing.path(target.pipeline()).path("processors")) {
            JsonNode embedding = processor.path("shape_embedding");
            if (embedding.isObject()
                    && IngestTarget.SHAPE_FIELD.equals(embedding.path("field_map").path(IngestTarget.ASSET_FIELD).asText())) {
                String model = embedding.path("model_id").asText();
                if (!model.equals(target.modelId())) {
                    throw new TargetException("pipeline '" + target.pipeline() + "' exists and embeds with model '" + model
                            + "', not '" + target.modelId() + "'; pass --model " + model + " or another --pipeline");
                }
                String up = embedding.path("up_axis").isMissingNode() ? null : embedding.path("up_axis").asText().toLowerCase(Locale.ROOT);
                if (!Objects.equals(up, target.upAxis())) {
                    throw new TargetException("pipeline '" + target.pipeline() + "' exists and reads assets " + reading(up)
                            + ", not " + reading(target.upAxis()) + "; pass " + (up == null ? "no --up-axis" : "--up-axis " + up)
                            + " or another --pipeline");
                }
                return false;
            }
        }
        throw new TargetException("pipeline '" + target.pipeline() + "' exists but has no shape_embedding processor "
                + "mapping 'asset' to 'shape'; choose another --pipeline (it is never replaced)");
    }

    /** How a pipeline with this {@code up_axis} (null: none) reads assets, for messages. */
    private static String reading(String upAxis) {
        return upAxis == null ? "in their formats' up axes" : "with up_axis '" + upAxis + "'";
    }

    private boolean ensureIndex(IngestTarget target) throws IOException, TargetException {
        JsonNode mapping = client.getIfExists("/" + target.index() + "/_mapping");
        if (mapping == null) {
            try {
                client.json("PUT", "/" + target.index(), target.indexBody());
                return true;
            } catch (ClusterRequestException e) {
                if (e.status() == 400 && e.getMessage().contains("already exists")) {
                    mapping = client.getIfExists("/" + target.index() + "/_mapping"); // created meanwhile
                } else {
                    throw e;
                }
            }
        }
        JsonNode mappings = mapping.elements().hasNext() ? mapping.elements().next().path("mappings") : mapping;
        JsonNode shape = mappings.path("properties").path(IngestTarget.SHAPE_FIELD);
        if (!"shape_vector".equals(shape.path("type").asText())) {
            throw new TargetException("index '" + target.index() + "' exists but its field 'shape' is "
                    + (shape.isMissingNode() ? "missing" : "of type " + shape.path("type").asText())
                    + ", not a shape_vector; choose another --index (it is never recreated)");
        }
        String model = shape.path("model_id").asText(target.modelId());
        if (!model.equals(target.modelId())) {
            throw new TargetException("index '" + target.index() + "' embeds its field 'shape' with model '" + model
                    + "', not '" + target.modelId() + "'; pass --model " + model + " or another --index");
        }
        return false;
    }
}
