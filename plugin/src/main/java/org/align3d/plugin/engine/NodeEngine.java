package org.align3d.plugin.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineInfo;
import org.align3d.encoder.runtime.EngineRuntime;
import org.opensearch.core.action.ActionListener;

/**
 * The node's deep learning engine: started lazily, once per node, on the {@link InferenceThreadPool}.
 *
 * <p>The engine starts with the plugin's class loader as the thread's context class loader: DJL discovers its
 * engines and natives through it, and inside OpenSearch's per-plugin class loader it finds nothing otherwise.
 * A failed start is not remembered, so a node whose problem was fixed (a freed cache directory, say) can retry.
 */
public final class NodeEngine {

    private final DevicePreference preference;
    private final ExecutorService executor;
    private final ClassLoader pluginLoader;
    private CompletableFuture<EngineInfo> started;

    public NodeEngine(DevicePreference preference, ExecutorService executor) {
        this.preference = preference;
        this.executor = executor;
        this.pluginLoader = NodeEngine.class.getClassLoader();
    }

    public DevicePreference preference() {
        return preference;
    }

    /** Calls {@code listener} with the started engine, starting it first if this is the node's first use. */
    public void engine(ActionListener<EngineInfo> listener) {
        startOnce().whenComplete((info, failure) -> {
            if (failure == null) {
                listener.onResponse(info);
            } else {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                listener.onFailure(cause instanceof Exception e ? e : new RuntimeException(cause));
            }
        });
    }

    private synchronized CompletableFuture<EngineInfo> startOnce() {
        if (started == null || started.isCompletedExceptionally()) {
            started = CompletableFuture.supplyAsync(this::startWithPluginLoader, executor);
        }
        return started;
    }

    private EngineInfo startWithPluginLoader() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginLoader);
        try {
            return EngineRuntime.start(preference);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
