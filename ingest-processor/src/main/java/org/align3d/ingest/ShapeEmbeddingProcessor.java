package org.align3d.ingest;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.align3d.encoder.model.AssetEmbedding;
import org.align3d.encoder.model.PatchVectorsCodec;
import org.align3d.encoder.model.VectorText;
import org.align3d.mesh.MeshSource;
import org.align3d.mesh.UpAxis;
import org.opensearch.core.action.ActionListener;
import org.opensearch.ingest.AbstractBatchingProcessor;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.IngestDocumentWrapper;

/**
 * The {@code shape_embedding} ingest processor: reads the 3D asset in each source field of {@code field_map}, embeds
 * it with the model {@code model_id}, and writes the {@code shape_vector} value
 * ({@code {"vector", "patches", "extent", "model_id"}}) into the mapped target field.
 *
 * <pre>
 * {"shape_embedding": {"model_id": "align3d-default", "field_map": {"asset": "shape"}, "batch_size": 16,
 *                      "up_axis": "z", "ignore_missing": false}}
 * </pre>
 * {@code ignore_missing} ({@code false} by default) passes a document without an asset in a source field (absent or
 * null) through untouched instead of failing it, as OpenSearch's own processors do: a partial update or a reindex of
 * documents whose asset a later {@code remove} processor dropped goes through the same default pipeline.
 * {@code up_axis} ({@code "y"} or {@code "z"}, optional) says which way is up in the catalogue's files when it is not
 * their format's convention (glTF, OBJ, PLY and OFF are read Y-up, STL Z-up): a Z-up OBJ catalogue exported from a
 * CAD tool, say. The encoder was trained on upright shapes, so a shape read on its side is found less well.
 * Under the bulk API, documents are embedded {@code batch_size} at a time in one forward pass. Embedding runs on the
 * node's inference pool, never on the ingest thread. A document whose asset cannot be read or embedded fails alone,
 * with a reason naming the document, the field and the problem; the rest of the batch is indexed.
 */
public final class ShapeEmbeddingProcessor extends AbstractBatchingProcessor {

    public static final String TYPE = "shape_embedding";
    /** Documents per forward pass at most: their assets are all held in memory until the batch is embedded. */
    public static final int MAX_BATCH_SIZE = 256;

    private final String modelId;
    private final Map<String, String> fieldMap;
    private final UpAxis upAxis;
    private final boolean ignoreMissing;
    private final AssetResolver resolver;
    private final AssetEmbedder embedder;

    /** @param upAxis the catalogue's declared up axis, or null for each format's convention */
    ShapeEmbeddingProcessor(String tag, String description, int batchSize, String modelId, Map<String, String> fieldMap,
                            UpAxis upAxis, boolean ignoreMissing, AssetResolver resolver, AssetEmbedder embedder) {
        super(tag, description, batchSize);
        this.modelId = modelId;
        this.fieldMap = Map.copyOf(fieldMap);
        this.upAxis = upAxis;
        this.ignoreMissing = ignoreMissing;
        this.resolver = resolver;
        this.embedder = embedder;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public IngestDocument execute(IngestDocument document) {
        throw new UnsupportedOperationException("shape_embedding runs asynchronously; OpenSearch calls the async variant");
    }

    @Override
    public void execute(IngestDocument document, BiConsumer<IngestDocument, Exception> handler) {
        subBatchExecute(List.of(new IngestDocumentWrapper(0, 0, document, null)), results -> {
            IngestDocumentWrapper r = results.get(0);
            handler.accept(r.getException() == null ? r.getIngestDocument() : null, r.getException());
        });
    }

    /** One asset to embed: which document, which target field. */
    private record Job(IngestDocumentWrapper document, String target, MeshSource source) {
    }

    @Override
    protected void subBatchExecute(List<IngestDocumentWrapper> documents, Consumer<List<IngestDocumentWrapper>> handler) {
        List<Job> jobs = new ArrayList<>();
        for (IngestDocumentWrapper wrapper : documents) {
            if (wrapper.getException() != null) {
                continue;
            }
            IngestDocument doc = wrapper.getIngestDocument();
            for (Map.Entry<String, String> e : fieldMap.entrySet()) {
                boolean missing = !doc.hasField(e.getKey()) || doc.getFieldValue(e.getKey(), Object.class) == null;
                if (missing && ignoreMissing) {
                    continue;
                }
                if (missing) {
                    fail(wrapper, new IllegalArgumentException("document [" + id(doc) + "] has no field [" + e.getKey()
                        + "] holding an asset (\"ignore_missing\": true passes such documents through)"));
                    break;
                }
                try {
                    jobs.add(new Job(wrapper, e.getValue(), resolver.resolve(e.getKey(), doc.getFieldValue(e.getKey(), Object.class))
                        .withUpAxis(upAxis)));
                } catch (AssetException ex) {
                    fail(wrapper, new IllegalArgumentException("document [" + id(doc) + "]: " + ex.getMessage()));
                    break;
                }
            }
        }
        List<Job> pending = jobs.stream().filter(j -> j.document().getException() == null).toList();
        if (pending.isEmpty()) {
            handler.accept(documents);
            return;
        }
        // a plain listener: ActionListener.wrap would send an exception thrown while answering to onFailure as well, and
        // the batch's handler would be called twice
        embedder.embed(modelId, pending.stream().map(Job::source).toList(), new ActionListener<>() {
            @Override
            public void onResponse(List<EmbedOutcome> outcomes) {
                for (int i = 0; i < pending.size(); i++) {
                    write(pending.get(i), outcomes.get(i));
                }
                handler.accept(documents);
            }

            @Override
            public void onFailure(Exception e) {
                for (Job job : pending) {
                    fail(job.document(), e);
                }
                handler.accept(documents);
            }
        });
    }

    /** One job's outcome into its document, or the document failed alone (a failed embedding, a target it cannot hold). */
    private void write(Job job, EmbedOutcome outcome) {
        IngestDocument doc = job.document().getIngestDocument();
        if (job.document().getException() != null) {
            return;
        }
        if (outcome.failure() != null) {
            // the failure names the source: "field [asset]: line 5: ..." or the file's name for a path
            fail(job.document(), new IllegalArgumentException("document [" + id(doc) + "]: " + outcome.failure().getMessage(),
                outcome.failure()));
            return;
        }
        try {
            doc.setFieldValue(job.target(), value(outcome.embedding()));
        } catch (RuntimeException e) {
            fail(job.document(), new IllegalArgumentException("document [" + id(doc) + "]: cannot write field [" + job.target()
                + "]: " + e.getMessage(), e));
        }
    }

    private Map<String, Object> value(AssetEmbedding e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("vector", VectorText.encode(e.vector()));
        v.put("patches", Base64.getEncoder().encodeToString(PatchVectorsCodec.encode(e)));
        v.put("extent", List.of(e.frame().width(), e.frame().height(), e.frame().depth()));
        v.put("model_id", modelId);
        return v;
    }

    private static void fail(IngestDocumentWrapper wrapper, Exception e) {
        wrapper.update(wrapper.getIngestDocument(), e);
    }

    private static String id(IngestDocument doc) {
        Object id = doc.getSourceAndMetadata().get(IngestDocument.Metadata.ID.getFieldName());
        return id == null ? "(no id)" : id.toString();
    }
}
