package org.align3d.plugin.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineInfo;
import org.align3d.encoder.runtime.EngineRuntime;
import org.opensearch.action.support.ContextPreservingActionListener;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.action.ActionListener;
import org.opensearch.secure_sm.AccessController;

/**
 * The node's deep learning engine: started lazily, once per node, on the {@link InferenceThreadPool}.
 *
 * <p>The engine starts with the plugin's class loader as the thread's context class loader: DJL discovers its
 * engines and natives through it, and inside OpenSearch's per-plugin class loader it finds nothing otherwise.
 * A failed start is not remembered, so a node whose problem was fixed (a freed cache directory, say) can retry.
 *
 * <p>Model work runs privileged: under OpenSearch's java agent only the plugin's own grants
 * ({@code plugin-security.policy}: DJL's cache directory, asset directories) apply to it, not those of the thread
 * pool and request-handling code that called it.
 */
public final class NodeEngine {

    private final DevicePreference preference;
    private final ExecutorService executor;
    private final ThreadContext threadContext;
    private final ClassLoader pluginLoader;
    private CompletableFuture<EngineInfo> started;

    /** @param threadContext the node's: each caller's context (its user, its headers) is restored for its own work */
    public NodeEngine(DevicePreference preference, ExecutorService executor, ThreadContext threadContext) {
        this.preference = preference;
        this.executor = executor;
        this.threadContext = threadContext;
        this.pluginLoader = NodeEngine.class.getClassLoader();
    }

    public DevicePreference preference() {
        return preference;
    }

    /**
     * Calls {@code listener} with the started engine, starting it first if this is the node's first use. The listener
     * runs in its caller's thread context: callers arriving while the engine starts are completed on the thread that
     * started it, which holds the context of the request that triggered the start.
     */
    public void engine(ActionListener<EngineInfo> caller) {
        ActionListener<EngineInfo> listener = new ContextPreservingActionListener<>(threadContext.newRestorableContext(false), caller);
        startOnce().whenComplete((info, failure) -> {
            if (failure == null) {
                listener.onResponse(info);
            } else {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                listener.onFailure(cause instanceof Exception e ? e : new RuntimeException(cause));
            }
        });
    }

    /**
     * Runs {@code task} on the inference pool with the plugin's class loader as context class loader, after the
     * engine has started; a full queue fails the listener with a rejection instead of blocking the caller.
     */
    public <T> void run(Callable<T> task, ActionListener<T> listener) {
        engine(ActionListener.wrap(info -> {
            try {
                executor.execute(() -> {
                    T result;
                    try {
                        result = withPluginLoader(task);
                    } catch (Exception e) {
                        listener.onFailure(e);
                        return;
                    } catch (LinkageError e) {
                        // a broken installation must fail the request, not leave it waiting forever
                        listener.onFailure(new IllegalStateException("align3d cannot run its models: " + e, e));
                        return;
                    } catch (Error e) {
                        // out of memory, say: the request is answered before the error goes on to the node's handler
                        listener.onFailure(new IllegalStateException("align3d model work failed: " + e, e));
                        throw e;
                    }
                    listener.onResponse(result);
                });
            } catch (RejectedExecutionException e) {
                listener.onFailure(e);
            }
        }, listener::onFailure));
    }

    /** The engine, starting it on this thread if needed; for callers already on the inference pool. */
    public EngineInfo engineNow() throws Exception {
        return startOnce().get();
    }

    private <T> T withPluginLoader(Callable<T> task) throws Exception {
        return AccessController.doPrivilegedChecked(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(pluginLoader);
            try {
                return task.call();
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }

    private synchronized CompletableFuture<EngineInfo> startOnce() {
        if (started == null || started.isCompletedExceptionally()) {
            try {
                started = CompletableFuture.supplyAsync(this::startWithPluginLoader, executor);
            } catch (RejectedExecutionException e) { // a full queue: this request fails, the next one tries again
                started = CompletableFuture.failedFuture(e);
            }
        }
        return started;
    }

    private EngineInfo startWithPluginLoader() {
        try {
            return withPluginLoader(() -> EngineRuntime.start(preference));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
