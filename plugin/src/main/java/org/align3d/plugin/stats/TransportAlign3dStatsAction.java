package org.align3d.plugin.stats;

import java.io.IOException;
import java.util.List;
import java.util.stream.StreamSupport;
import org.align3d.plugin.engine.InferenceThreadPool;
import org.align3d.plugin.model.InferenceService;
import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.nodes.TransportNodesAction;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.threadpool.ThreadPoolStats;
import org.opensearch.transport.TransportService;

/** Reads every node's counters on its management pool; nothing is loaded or started to answer. */
public final class TransportAlign3dStatsAction extends TransportNodesAction<Align3dStatsRequest, Align3dStatsResponse,
    Align3dStatsNodeRequest, Align3dStatsNodeResponse> {

    private final InferenceService inference;

    @Inject
    public TransportAlign3dStatsAction(ThreadPool threadPool, ClusterService clusterService, TransportService transportService,
                                       ActionFilters actionFilters, InferenceService inference) {
        super(Align3dStatsAction.NAME, threadPool, clusterService, transportService, actionFilters, Align3dStatsRequest::new,
            Align3dStatsNodeRequest::new, ThreadPool.Names.MANAGEMENT, Align3dStatsNodeResponse.class);
        this.inference = inference;
    }

    @Override
    protected Align3dStatsResponse newResponse(Align3dStatsRequest request, List<Align3dStatsNodeResponse> nodes,
                                               List<FailedNodeException> failures) {
        return new Align3dStatsResponse(clusterService.getClusterName(), nodes, failures);
    }

    @Override
    protected Align3dStatsNodeRequest newNodeRequest(Align3dStatsRequest request) {
        return new Align3dStatsNodeRequest();
    }

    @Override
    protected Align3dStatsNodeResponse newNodeResponse(StreamInput in) throws IOException {
        return new Align3dStatsNodeResponse(in);
    }

    @Override
    protected Align3dStatsNodeResponse nodeOperation(Align3dStatsNodeRequest request) {
        ThreadPoolStats.Stats pool = StreamSupport.stream(threadPool.stats().spliterator(), false)
            .filter(s -> s.getName().equals(InferenceThreadPool.NAME)).findFirst().orElse(null);
        return new Align3dStatsNodeResponse(clusterService.localNode(), inference.registry().loads(),
            inference.registry().loadedModels(), inference.stats(), pool);
    }
}
