package org.align3d.plugin.model.register;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.align3d.encoder.bundle.BundleException;
import org.align3d.plugin.model.InferenceService;
import org.align3d.plugin.model.ModelRegistry;
import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.PlainActionFuture;
import org.opensearch.action.support.nodes.TransportNodesAction;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.inject.Inject;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/**
 * Runs the registration on every node: each verifies the bundle in its own config directory (SHA-256 of every file)
 * and loads it on its inference pool. The management thread that handles a node's part waits for that, at most
 * {@link #LOAD_TIMEOUT}.
 */
public final class TransportRegisterModelAction extends TransportNodesAction<RegisterModelRequest, RegisterModelResponse,
    RegisterModelNodeRequest, RegisterModelNodeResponse> {

    static final TimeValue LOAD_TIMEOUT = TimeValue.timeValueMinutes(2);
    private static final int PENDING = 0;
    private static final int COMMITTED = 1;
    private static final int ABANDONED = 2;

    private final InferenceService inference;

    @Inject
    public TransportRegisterModelAction(ThreadPool threadPool, ClusterService clusterService, TransportService transportService,
                                        ActionFilters actionFilters, InferenceService inference) {
        super(RegisterModelAction.NAME, threadPool, clusterService, transportService, actionFilters, RegisterModelRequest::new,
            RegisterModelNodeRequest::new, ThreadPool.Names.MANAGEMENT, RegisterModelNodeResponse.class);
        this.inference = inference;
    }

    @Override
    protected RegisterModelResponse newResponse(RegisterModelRequest request, List<RegisterModelNodeResponse> nodes,
                                                List<FailedNodeException> failures) {
        return new RegisterModelResponse(clusterService.getClusterName(), nodes, failures);
    }

    @Override
    protected RegisterModelNodeRequest newNodeRequest(RegisterModelRequest request) {
        return new RegisterModelNodeRequest(request.modelId());
    }

    @Override
    protected RegisterModelNodeResponse newNodeResponse(StreamInput in) throws IOException {
        return new RegisterModelNodeResponse(in);
    }

    @Override
    protected RegisterModelNodeResponse nodeOperation(RegisterModelNodeRequest request) {
        ModelRegistry registry = inference.registry();
        PlainActionFuture<ModelRegistry.Entry> loaded = PlainActionFuture.newFuture();
        // pending -> committed (by the load, at the swap) or abandoned (by this thread, at the timeout): whichever is first
        AtomicInteger state = new AtomicInteger(PENDING);
        inference.engine().run(() -> registry.register(request.modelId(), inference.engine().engineNow().device(),
            () -> state.compareAndSet(PENDING, COMMITTED)), loaded);
        ModelRegistry.Entry entry;
        try {
            try {
                entry = loaded.get(LOAD_TIMEOUT.millis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (state.compareAndSet(PENDING, ABANDONED)) {
                    throw e;
                }
                entry = loaded.get(); // committed just now: the answer is on its way
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BundleException || cause instanceof IllegalArgumentException) {
                // a bad bundle or directory name is the caller's input: 400, with the file or problem named
                throw new IllegalArgumentException("model [" + request.modelId() + "] refused: " + cause.getMessage(), cause);
            }
            throw new IllegalStateException("model [" + request.modelId() + "] could not be loaded: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("model [" + request.modelId() + "] did not load within " + LOAD_TIMEOUT
                + "; the registration is called off, and the node keeps the model it had", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading model [" + request.modelId() + "]", e);
        }
        try {
            return new RegisterModelNodeResponse(clusterService.localNode(), entry.id(), registry.config(entry.id()).shape().jointDim());
        } catch (Exception e) {
            throw new IllegalStateException("model [" + entry.id() + "] was registered but its configuration cannot be read", e);
        }
    }
}
