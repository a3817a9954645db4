package org.align3d.plugin.stats;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One node's counters of model work since it started: per {@link InferenceOperation}, the tasks run, the items they
 * carried, the tasks that failed (a task that never ran because the engine could not start or the pool's queue was
 * full counts as failed) and the time spent running them on the inference pool (queue wait excluded: the pool's own
 * stats show that), plus assets that could not be read (in any operation) and the query-text cache's hits and misses.
 * Counters only grow; {@link #snapshot} reads them for a stats response.
 */
public final class InferenceStats {

    private record Counters(LongAdder tasks, LongAdder items, LongAdder failed, LongAdder nanos) {
        Counters() {
            this(new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    private final Map<InferenceOperation, Counters> counters = new EnumMap<>(InferenceOperation.class);
    private final LongAdder unreadableAssets = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();

    public InferenceStats() {
        for (InferenceOperation op : InferenceOperation.values()) {
            counters.put(op, new Counters());
        }
    }

    /** One task of {@code op} over {@code items} items that ran for {@code nanos}, failed or not. */
    public void record(InferenceOperation op, int items, long nanos, boolean failed) {
        Counters c = counters.get(op);
        c.tasks.increment();
        c.items.add(items);
        c.nanos.add(nanos);
        if (failed) {
            c.failed.increment();
        }
    }

    public void unreadableAsset() {
        unreadableAssets.increment();
    }

    public void queryCacheHit() {
        cacheHits.increment();
    }

    public void queryCacheMiss() {
        cacheMisses.increment();
    }

    /** The counters now, with the cache's current size and capacity. */
    public InferenceStatsSnapshot snapshot(int cacheEntries, int cacheCapacity) {
        Map<InferenceOperation, InferenceStatsSnapshot.Operation> ops = new EnumMap<>(InferenceOperation.class);
        counters.forEach((op, c) -> ops.put(op, new InferenceStatsSnapshot.Operation(c.tasks.sum(), c.items.sum(),
            c.failed.sum(), TimeUnit.NANOSECONDS.toMillis(c.nanos.sum()))));
        return new InferenceStatsSnapshot(ops, unreadableAssets.sum(), cacheHits.sum(), cacheMisses.sum(), cacheEntries,
            cacheCapacity);
    }
}
