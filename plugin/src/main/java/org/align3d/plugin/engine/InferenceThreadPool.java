package org.align3d.plugin.engine;

import org.opensearch.common.settings.Settings;
import org.opensearch.common.util.concurrent.OpenSearchExecutors;
import org.opensearch.threadpool.ExecutorBuilder;
import org.opensearch.threadpool.FixedExecutorBuilder;

/**
 * The bounded pool all model work of a node runs on (engine start-up, encoding assets and query text), so
 * inference never occupies transport, search or HTTP threads and a burst of requests queues or is rejected
 * instead of exhausting the node.
 *
 * <p>Settings: {@code thread_pool.align3d_inference.size} (default: half the node's allocated processors, at
 * least 1) and {@code thread_pool.align3d_inference.queue_size} (default 1000).
 */
public final class InferenceThreadPool {

    public static final String NAME = "align3d_inference";
    static final int DEFAULT_QUEUE_SIZE = 1000;

    private InferenceThreadPool() {}

    public static ExecutorBuilder<?> executorBuilder(Settings settings) {
        int size = Math.max(1, OpenSearchExecutors.allocatedProcessors(settings) / 2);
        return new FixedExecutorBuilder(settings, NAME, size, DEFAULT_QUEUE_SIZE, "thread_pool." + NAME);
    }
}
