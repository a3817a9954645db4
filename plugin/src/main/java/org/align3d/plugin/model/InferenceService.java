package org.align3d.plugin.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.align3d.encoder.bundle.BundleConfig;
import org.align3d.encoder.bundle.BundleException;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.model.AssetEmbedding;
import org.align3d.encoder.model.Segmentation;
import org.align3d.ingest.AssetEmbedder;
import org.align3d.ingest.EmbedOutcome;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.MeshLoader;
import org.align3d.mesh.MeshReadException;
import org.align3d.mesh.MeshSource;
import org.align3d.plugin.engine.NodeEngine;
import org.align3d.plugin.stats.InferenceOperation;
import org.align3d.plugin.stats.InferenceStats;
import org.align3d.plugin.stats.InferenceStatsSnapshot;
import org.align3d.query.QueryEncoder;
import org.opensearch.core.action.ActionListener;

/**
 * All model work of a node, on the bounded inference pool: embedding assets for ingest, encoding query texts (with
 * a cache: the same query text costs the model once), search by example, segmentation and {@code _embed}. Each task
 * is counted in the node's {@link InferenceStats} ({@code GET _plugins/align3d/stats}).
 */
public final class InferenceService implements AssetEmbedder, QueryEncoder {

    /** Query texts remembered per node, least recently used out first. */
    static final int QUERY_CACHE_SIZE = 2048;

    private final NodeEngine engine;
    private final ModelRegistry registry;
    private final MeshLoader meshes;
    private final InferenceStats stats = new InferenceStats();
    private final QueryCache queryCache = new QueryCache(QUERY_CACHE_SIZE);

    public InferenceService(NodeEngine engine, ModelRegistry registry, MeshLoader meshes) {
        this.engine = engine;
        this.registry = registry;
        this.meshes = meshes;
    }

    public ModelRegistry registry() {
        return registry;
    }

    public NodeEngine engine() {
        return engine;
    }

    /** This node's inference counters now. */
    public InferenceStatsSnapshot stats() {
        return stats.snapshot(queryCache.size(), queryCache.capacity());
    }

    @Override
    public void embed(String modelId, List<MeshSource> sources, ActionListener<List<EmbedOutcome>> listener) {
        run(InferenceOperation.EMBED_ASSETS, sources.size(), () -> withModel(modelId, (model, generation) -> {
            List<EmbedOutcome> out = new ArrayList<>(Collections.nCopies(sources.size(), null));
            List<Mesh> readable = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                try {
                    readable.add(meshes.read(sources.get(i)));
                    positions.add(i);
                } catch (MeshReadException | RuntimeException e) {
                    stats.unreadableAsset();
                    out.set(i, EmbedOutcome.failed(e));
                }
            }
            if (!readable.isEmpty()) {
                List<AssetEmbedding> embedded = model.embed(readable);
                for (int j = 0; j < embedded.size(); j++) {
                    out.set(positions.get(j), EmbedOutcome.of(embedded.get(j)));
                }
            }
            return out;
        }), listener);
    }

    /**
     * Cached per model generation ({@link QueryCache}): after the id is re-registered with new weights, texts are
     * encoded again by the new model instead of answered from the old one's vectors.
     */
    @Override
    public void encodeText(String modelId, String text, ActionListener<HafQuery> listener) {
        long generation = registry.generation(modelId);
        HafQuery cached = generation < 0 ? null : queryCache.get(modelId, generation, text);
        if (cached != null) {
            stats.queryCacheHit();
            listener.onResponse(cached);
            return;
        }
        stats.queryCacheMiss();
        run(InferenceOperation.ENCODE_TEXT, 1, () -> withModel(modelId, (model, loaded) -> {
            HafQuery q = model.query(text);
            queryCache.put(modelId, loaded, text, q);
            return q;
        }), listener);
    }

    @Override
    public void encodeAsset(String modelId, MeshSource asset, ActionListener<AssetEmbedding> listener) {
        run(InferenceOperation.ENCODE_QUERY_ASSET, 1, () -> withModel(modelId, (model, generation) -> model.embed(read(asset))),
            listener);
    }

    @Override
    public HafPolicy retrievalPolicy(String modelId) {
        try {
            return registry.config(modelId).policy(BundleConfig.RETRIEVAL);
        } catch (BundleException e) {
            // the query was encoded with this model moments ago; a bundle unreadable now is a node problem to report
            throw new IllegalStateException("model [" + modelId + "]: " + e.getMessage(), e);
        }
    }

    public void segment(String modelId, MeshSource asset, List<String> parts, ActionListener<Segmentation> listener) {
        run(InferenceOperation.SEGMENT, 1, () -> withModel(modelId, (model, generation) -> model.segment(read(asset), parts)),
            listener);
    }

    /** A mesh the caller sent that cannot be read is bad input (HTTP 400), not a server failure. */
    private Mesh read(MeshSource asset) {
        try {
            return meshes.read(asset);
        } catch (MeshReadException e) {
            stats.unreadableAsset();
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Runs {@code task} on the inference pool, counting it under {@code op} with the time it ran and whether it failed;
     * a task that never ran (the engine could not start, the pool's queue was full) counts as failed, in no time.
     */
    private <T> void run(InferenceOperation op, int items, Callable<T> task, ActionListener<T> listener) {
        AtomicBoolean ran = new AtomicBoolean();
        engine.run(() -> {
            ran.set(true);
            long start = System.nanoTime();
            boolean failed = true;
            try {
                T result = task.call();
                failed = false;
                return result;
            } finally {
                stats.record(op, items, System.nanoTime() - start, failed);
            }
        }, new ActionListener<T>() { // not ActionListener.wrap: a caller's onResponse that throws must not also see onFailure
            @Override
            public void onResponse(T result) {
                listener.onResponse(result);
            }

            @Override
            public void onFailure(Exception e) {
                if (!ran.get()) {
                    stats.record(op, items, 0, true);
                }
                listener.onFailure(e);
            }
        });
    }

    private <T> T withModel(String id, ModelRegistry.ModelWork<T> work) throws Exception {
        return registry.withModel(id, engine.engineNow().device(), work);
    }
}
