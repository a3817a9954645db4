package org.align3d.client.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.align3d.client.http.ClusterClient;
import org.align3d.client.http.ClusterRequestException;
import org.align3d.client.http.ClusterResponse;
import org.align3d.client.http.ErrorReasons;

/**
 * Sends assets to {@code POST /INDEX/_bulk?pipeline=PIPELINE} in bounded batches, a few requests in flight.
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
    /** One request in flight: with the node's inference pool at one thread (2 cores), two measured no faster. */
    public static final int DEFAULT_CONCURRENCY = 1;
    public static final int MAX_CONCURRENCY = 8;
    private static final long FIRST_BACKOFF_MILLIS = 500;

    private final ClusterClient client;
    private final String index;
    private final String pipeline;
    private final BulkBatcher batcher;
    private final ProgressListener progress;
    private final int concurrency;

    /**
     * @param concurrency bulk requests in flight at once (1..{@link #MAX_CONCURRENCY}); memory holds that many batches
     */
    public BulkIndexer(ClusterClient client, String index, String pipeline, BatchBounds bounds, int concurrency,
                       ProgressListener progress) {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("--concurrency must be in 1.." + MAX_CONCURRENCY + ", got " + concurrency);
        }
        this.client = client;
        this.index = index;
        this.pipeline = pipeline;
        this.batcher = new BulkBatcher(bounds);
        this.concurrency = concurrency;
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
        refused.forEach(run::fail);
        List<? extends List<? extends AssetSource>> batches = batcher.batches(assets);
        if (!batches.isEmpty()) {
            int last = batches.size() - 1;
            if (concurrency == 1) {
                for (List<? extends AssetSource> batch : batches.subList(0, last)) {
                    process(batch, false, run);
                }
            } else {
                processConcurrently(batches.subList(0, last), run);
            }
            // The last request goes alone, after all others are done, so its refresh covers everything.
            boolean refreshed = process(batches.get(last), true, run);
            if (!refreshed && run.indexed() > 0) {
                client.json("POST", "/" + index + "/_refresh", null);
            }
        }
        Progress end = run.progress();
        progress.finish(end);
        return new IndexSummary(end, run.sortedFailures());
    }

    /**
     * Sends batches with up to {@link #concurrency} requests in flight, so the node embeds one batch while it indexes
     * or answers another. Submission waits for a free slot, so memory holds at most that many loaded batches.
     */
    private void processConcurrently(List<? extends List<? extends AssetSource>> batches, Run run) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "align3d-bulk");
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(concurrency);
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<?>> sent = new ArrayList<>();
        try {
            for (List<? extends AssetSource> batch : batches) {
                slots.acquire();
                if (failed.get()) {
                    break; // the failure is rethrown below
                }
                sent.add(pool.submit(() -> {
                    try {
                        process(batch, false, run);
                        return null;
                    } catch (IOException | RuntimeException e) {
                        failed.set(true);
                        throw e;
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending bulk requests", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("bulk request failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Resume check, load, send; returns whether a request was sent. */
    private boolean process(List<? extends AssetSource> batch, boolean refresh, Run run) throws IOException {
        Set<String> existing = existingIds(batch);
        List<AssetDocument> docs = new ArrayList<>();
        for (AssetSource asset : batch) {
            if (existing.contains(asset.id())) {
                run.skip();
                continue;
            }
            try {
                docs.add(asset.load());
            } catch (IOException e) {
                run.fail(new AssetFailure(asset.id(), e.getMessage()));
            }
        }
        if (!docs.isEmpty()) {
            send(docs, refresh, run);
        }
        progress.update(run.progress());
        return !docs.isEmpty();
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
                    run.fail(new AssetFailure(d.id(), "request too large for the node (HTTP 413); lower "
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
                    run.index();
                } else if (status == 429 && attempt < MAX_ATTEMPTS) {
                    retry.add(pending.get(i));
                } else {
                    run.fail(new AssetFailure(pending.get(i).id(), item.has("error")
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

    /** Counts shared by the threads sending requests. */
    private static final class Run {
        private final int total;
        private final long start;
        private final List<AssetFailure> failures = new ArrayList<>();
        private int indexed;
        private int skipped;

        Run(int total, long start) {
            this.total = total;
            this.start = start;
        }

        synchronized void index() {
            indexed++;
        }

        synchronized void skip() {
            skipped++;
        }

        synchronized void fail(AssetFailure failure) {
            failures.add(failure);
        }

        synchronized int indexed() {
            return indexed;
        }

        synchronized List<AssetFailure> sortedFailures() {
            List<AssetFailure> out = new ArrayList<>(failures);
            out.sort(java.util.Comparator.comparing(AssetFailure::id));
            return out;
        }

        synchronized Progress progress() {
            return new Progress(total, indexed, skipped, failures.size(), System.nanoTime() - start);
        }
    }
}
