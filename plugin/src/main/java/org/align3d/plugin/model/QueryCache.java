package org.align3d.plugin.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.align3d.encoder.haf.HafQuery;

/**
 * Encoded query texts of a node, per model load: the key is the model id, its generation (see
 * {@link ModelRegistry#generation(String)}) and the text, so a re-registered model never answers with its
 * predecessor's vectors. When a model's newer generation stores its first text, the older generation's entries
 * are dropped at once, since nothing can ask for them again; a text encoded late by an older generation is not
 * stored. Least recently used entries go first once {@code capacity} is reached. Thread-safe.
 */
final class QueryCache {

    private final int capacity;
    private final Map<Key, HafQuery> entries;
    private final Map<String, Long> newestGeneration = new HashMap<>();

    private record Key(String modelId, long generation, String text) {}

    QueryCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("query cache capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, HafQuery> eldest) {
                return size() > QueryCache.this.capacity;
            }
        };
    }

    /** The text's vectors as encoded by this generation of the model, or null. */
    synchronized HafQuery get(String modelId, long generation, String text) {
        return entries.get(new Key(modelId, generation, text));
    }

    synchronized void put(String modelId, long generation, String text, HafQuery query) {
        Long newest = newestGeneration.get(modelId);
        if (newest != null && generation != newest) {
            if (generation < newest) {
                return;
            }
            entries.keySet().removeIf(k -> k.modelId().equals(modelId));
        }
        newestGeneration.put(modelId, generation);
        entries.put(new Key(modelId, generation, text), query);
    }

    synchronized int size() {
        return entries.size();
    }

    int capacity() {
        return capacity;
    }
}
