package org.align3d.plugin;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.align3d.plugin.engine.InferenceThreadPool;
import org.align3d.plugin.engine.NodeEngine;
import org.align3d.plugin.rest.RestAlign3dInfoAction;
import org.align3d.plugin.settings.Align3dSettings;
import org.apache.lucene.util.SetOnce;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.IndexScopedSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.settings.SettingsFilter;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.env.Environment;
import org.opensearch.env.NodeEnvironment;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.EnginePlugin;
import org.opensearch.plugins.IngestPlugin;
import org.opensearch.plugins.MapperPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;
import org.opensearch.repositories.RepositoriesService;
import org.opensearch.rest.RestController;
import org.opensearch.rest.RestHandler;
import org.opensearch.script.ScriptService;
import org.opensearch.threadpool.ExecutorBuilder;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;
import org.opensearch.watcher.ResourceWatcherService;

/**
 * The align3d OpenSearch plugin: registers align3d's settings, its inference thread pool, its REST endpoints,
 * and (as their issues land) the {@code shape_vector} field, the ERS codec, the {@code shape_embedding} ingest
 * processor and the {@code neural_shape} query.
 */
public class Align3dPlugin extends Plugin implements ActionPlugin, IngestPlugin, SearchPlugin, MapperPlugin, EnginePlugin {

    private final BuildInfo build = BuildInfo.load();
    private final SetOnce<NodeEngine> engine = new SetOnce<>();

    @Override
    public List<Setting<?>> getSettings() {
        return Align3dSettings.all();
    }

    @Override
    public List<ExecutorBuilder<?>> getExecutorBuilders(Settings settings) {
        return List.of(InferenceThreadPool.executorBuilder(settings));
    }

    @Override
    public Collection<Object> createComponents(
        Client client,
        ClusterService clusterService,
        ThreadPool threadPool,
        ResourceWatcherService resourceWatcherService,
        ScriptService scriptService,
        NamedXContentRegistry xContentRegistry,
        Environment environment,
        NodeEnvironment nodeEnvironment,
        NamedWriteableRegistry namedWriteableRegistry,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<RepositoriesService> repositoriesServiceSupplier
    ) {
        NodeEngine nodeEngine = new NodeEngine(
            Align3dSettings.DEVICE.get(environment.settings()),
            threadPool.executor(InferenceThreadPool.NAME)
        );
        engine.set(nodeEngine);
        return List.of(nodeEngine);
    }

    @Override
    public List<RestHandler> getRestHandlers(
        Settings settings,
        RestController restController,
        ClusterSettings clusterSettings,
        IndexScopedSettings indexScopedSettings,
        SettingsFilter settingsFilter,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<DiscoveryNodes> nodesInCluster
    ) {
        return List.of(new RestAlign3dInfoAction(build, engine.get(), Align3dSettings.ASSETS_ROOTS.get(settings)));
    }
}
