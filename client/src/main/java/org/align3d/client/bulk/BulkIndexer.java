package org.align3d.client.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.align3d.client.http.ClusterClient;
import org.align3d.client.http.ClusterRequestException;
import org.align3d.client.http.ClusterResponse;
import org.align3d.client.http.ErrorReasons;

/**
 * Sends assets to {@code POST /INDEX/_bulk?pipeline=PIPELINE}, one bounded batch at a time.
 *
 * <p>Resume: before a batch is read from disk, {@code _mget} (without sources) asks which of its ids the index
 * already holds; those are skipped, so an interrupted run started again sends only what is missing. Per-item
 * failures (a broken mesh) are recorded with the node's reason and the run goes on; items the node rejects for
 * load (HTTP 429) are sent again with back-off. The last request carries {@code refresh=wait_for}, so documents
 * are searchable when the run returns.
 */
public final class BulkIndexer {

    /** Attempts for items (or whole requests) the node rejects as overloaded. */
    static final int MAX_ATTEMPTS = 6;
    private static final long FIRST_BACKOFF_MILLIS = 500;

    private final ClusterClient client;
    private final String index;
    private final String pipeline;
    private final BulkBatcher batcher;
    private final ProgressListener progress;

    public BulkIndexer(ClusterClient client, String index, String pipeline, BatchBounds bounds, ProgressListener progress) {
        this.client = client;
        this.index = index;
        this.pipeline = pipeline;
        this.batcher = new BulkBatcher(bounds);
        this.progress = progress;
    }

    /**
     * Indexes {@code assets}; {@code refused} are assets already known not to be indexable (counted and reported).
     *
     * @throws IOException when the node cannot be reached or refuses a whole request for a reason that is not
     *                     about one document (a missing pipeline, a closed index)
     */
    public IndexSummary index(List<? extends AssetSource> assets, List<AssetFailure> refused) throws IOException {
        Run run = new Run(assets.size() + refused.size(), System.nanoTime());
        run.failures.addAll(refused);
        List<? extends List<? extends AssetSource>> batches = batcher.batches(assets);
        boolean refreshed = true;
        for (int b = 0; b < batches.size(); b++) {
            List<? extends AssetSource> batch = batches.get(b);
            Set<String> existing = existingIds(batch);
            List<AssetDocument> docs = new ArrayList<>();
            for (AssetSource asset : batch) {
                if (existing.contains(asset.id())) {
                    run.skipped++;
                    continue;
                }
                try {
                    docs.add(asset.load());
                } catch (IOException e) {
                    run.failures.add(new AssetFailure(asset.id(), e.getMessage()));
                }
            }
            if (!docs.isEmpty()) {
                boolean last = b == batches.size() - 1;
                send(docs, last, run);
                refreshed = last;
            }
            progress.update(run.progress());
        }
        if (!refreshed) {
            client.json("POST", "/" + index + "/_refresh", null);
        }
        Progress end = run.progress();
        progress.finish(end);
        run.failures.sort(java.util.Comparator.comparing(AssetFailure::id));
        return new IndexSummary(end, run.failures);
    }

    /** Ids of the batch the index already holds. */
    private Set<String> existingIds(List<? extends AssetSource> batch) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var ids = body.putArray("ids");
        for (AssetSource a : batch) {
            ids.add(a.id());
        }
        JsonNode answer = client.json("POST", "/" + index + "/_mget?_source=false", body);
        Set<String> found = new HashSet<>();
        for (JsonNode doc : answer.path("docs")) {
            if (doc.path("found").asBoolean(false)) {
                found.add(doc.path("_id").asText());
            }
        }
        return found;
    }

    private void send(List<AssetDocument> docs, boolean refresh, Run run) throws IOException {
        List<AssetDocument> pending = docs;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            String path = "/" + index + "/_bulk?pipeline=" + pipeline + (refresh ? "&refresh=wait_for" : "");
            ClusterResponse r = client.send("POST", path, BulkRequestBody.of(pending), "application/x-ndjson");
            if (r.status() == 429 || r.status() == 503) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ClusterRequestException("POST", path, r.status(), "node still overloaded after "
                            + MAX_ATTEMPTS + " attempts: " + r.errorReason());
                }
                backOff(attempt);
                continue;
            }
            if (r.status() == 413) {
                for (AssetDocument d : pending) {
                    run.failures.add(new AssetFailure(d.id(), "request too large for the node (HTTP 413); lower "
                            + "--batch-bytes or raise http.max_content_length"));
                }
                return;
            }
            if (!r.ok()) {
                throw new ClusterRequestException("POST", path, r.status(), r.errorReason());
            }
            JsonNode items = r.json().path("items");
            if (items.size() != pending.size()) {
                throw new IOException("POST " + path + ": the node answered " + items.size() + " items for "
                        + pending.size() + " documents");
            }
            List<AssetDocument> retry = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                JsonNode item = items.get(i).elements().hasNext() ? items.get(i).elements().next() : items.get(i);
                int status = item.path("status").asInt(0);
                if (status >= 200 && status < 300) {
                    run.indexed++;
                } else if (status == 429 && attempt < MAX_ATTEMPTS) {
                    retry.add(pending.get(i));
                } else {
                    run.failures.add(new AssetFailure(pending.get(i).id(), item.has("error")
                            ? ErrorReasons.of(item.get("error")) : "HTTP " + status));
                }
            }
            pending = retry;
            if (!pending.isEmpty()) {
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) throws IOException {
        try {
            Thread.sleep(FIRST_BACKOFF_MILLIS << Math.min(attempt - 1, 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for an overloaded node", e);
        }
    }

    private static final class Run {
        final int total;
        final long start;
        final List<AssetFailure> failures = new ArrayList<>();
        int indexed;
        int skipped;

        Run(int total, long start) {
            this.total = total;
            this.start = start;
        }

        Progress progress() {
            return new Progress(total, indexed, skipped, failures.size(), System.nanoTime() - start);
        }
    }
}
