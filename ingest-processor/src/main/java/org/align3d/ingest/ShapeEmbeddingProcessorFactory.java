package org.align3d.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.align3d.mesh.UpAxis;
import org.opensearch.ingest.AbstractBatchingProcessor;
import org.opensearch.ingest.ConfigurationUtils;

/**
 * Parses {@code shape_embedding} processor definitions; refuses a missing model, an empty field map or an unknown
 * {@code up_axis} by name.
 */
public final class ShapeEmbeddingProcessorFactory extends AbstractBatchingProcessor.Factory {

    private final AssetResolver resolver;
    private final AssetEmbedder embedder;

    public ShapeEmbeddingProcessorFactory(AssetResolver resolver, AssetEmbedder embedder) {
        super(ShapeEmbeddingProcessor.TYPE);
        this.resolver = resolver;
        this.embedder = embedder;
    }

    @Override
    protected AbstractBatchingProcessor newProcessor(String tag, String description, int batchSize, Map<String, Object> config) {
        if (batchSize > ShapeEmbeddingProcessor.MAX_BATCH_SIZE) { // each document's asset is held until its batch is embedded
            throw ConfigurationUtils.newConfigurationException(ShapeEmbeddingProcessor.TYPE, tag, "batch_size",
                "must be at most " + ShapeEmbeddingProcessor.MAX_BATCH_SIZE + ", got " + batchSize);
        }
        String modelId = ConfigurationUtils.readStringProperty(ShapeEmbeddingProcessor.TYPE, tag, config, "model_id");
        Map<String, Object> fieldMap = ConfigurationUtils.readMap(ShapeEmbeddingProcessor.TYPE, tag, config, "field_map");
        if (fieldMap.isEmpty()) {
            throw ConfigurationUtils.newConfigurationException(ShapeEmbeddingProcessor.TYPE, tag, "field_map",
                "must map at least one source field to a shape_vector field");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : fieldMap.entrySet()) {
            if (!(e.getValue() instanceof String target) || target.isBlank()) {
                throw ConfigurationUtils.newConfigurationException(ShapeEmbeddingProcessor.TYPE, tag, "field_map",
                    "target of [" + e.getKey() + "] must be a field name");
            }
            fields.put(e.getKey(), target);
        }
        String up = ConfigurationUtils.readOptionalStringProperty(ShapeEmbeddingProcessor.TYPE, tag, config, "up_axis");
        UpAxis upAxis = null;
        if (up != null) {
            try {
                upAxis = UpAxis.parse(up);
            } catch (IllegalArgumentException e) {
                throw ConfigurationUtils.newConfigurationException(ShapeEmbeddingProcessor.TYPE, tag, "up_axis", e.getMessage());
            }
        }
        boolean ignoreMissing = ConfigurationUtils.readBooleanProperty(ShapeEmbeddingProcessor.TYPE, tag, config, "ignore_missing",
            false);
        return new ShapeEmbeddingProcessor(tag, description, batchSize, modelId, fields, upAxis, ignoreMissing, resolver, embedder);
    }
}
