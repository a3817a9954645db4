package org.align3d.plugin;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.align3d.ingest.AssetEmbedder;
import org.align3d.ingest.AssetResolver;
import org.align3d.ingest.ShapeEmbeddingProcessor;
import org.align3d.ingest.ShapeEmbeddingProcessorFactory;
import org.align3d.mesh.MeshLimits;
import org.align3d.mesh.MeshLoader;
import org.align3d.plugin.codec.Align3dCodecService;
import org.align3d.plugin.engine.InferenceThreadPool;
import org.align3d.plugin.engine.NodeEngine;
import org.align3d.plugin.model.InferenceService;
import org.align3d.plugin.model.ModelRegistry;
import org.align3d.plugin.model.register.RegisterModelAction;
import org.align3d.plugin.model.register.TransportRegisterModelAction;
import org.align3d.plugin.rest.RestAlign3dInfoAction;
import org.align3d.plugin.rest.RestEmbedAction;
import org.align3d.plugin.rest.RestModelsAction;
import org.align3d.plugin.rest.RestSegmentAction;
import org.align3d.plugin.rest.RestStatsAction;
import org.align3d.plugin.settings.Align3dSettings;
import org.align3d.plugin.stats.Align3dStatsAction;
import org.align3d.plugin.stats.TransportAlign3dStatsAction;
import org.align3d.query.NeuralShapeQueryBuilder;
import org.align3d.query.PartMatchesFetchSubPhase;
import org.align3d.query.field.ShapeVectorFieldMapper;
import org.align3d.query.field.ShapeVectorFieldType;
import org.apache.lucene.util.SetOnce;
import org.opensearch.action.ActionRequest;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.IndexScopedSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.settings.SettingsFilter;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.env.Environment;
import org.opensearch.env.NodeEnvironment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.codec.CodecServiceFactory;
import org.opensearch.index.mapper.Mapper;
import org.opensearch.ingest.Processor;
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
import org.opensearch.search.fetch.FetchSubPhase;
import org.opensearch.threadpool.ExecutorBuilder;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;
import org.opensearch.watcher.ResourceWatcherService;

/**
 * The align3d OpenSearch plugin: the {@code shape_vector} field and its ERS codec, the {@code shape_embedding}
 * ingest processor, the {@code neural_shape} query with part matches, the model registry and inference pool, and
 * the REST endpoints under {@code _plugins/align3d}.
 */
public class Align3dPlugin extends Plugin implements ActionPlugin, IngestPlugin, SearchPlugin, MapperPlugin, EnginePlugin {

    private final BuildInfo build = BuildInfo.load();
    private final SetOnce<NodeEngine> engine = new SetOnce<>();
    private final SetOnce<InferenceService> inference = new SetOnce<>();
    private final SetOnce<ModelRegistry> registry = new SetOnce<>();
    private volatile AssetResolver assets;

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
        Settings settings = environment.settings();
        NodeEngine nodeEngine = new NodeEngine(Align3dSettings.DEVICE.get(settings), threadPool.executor(InferenceThreadPool.NAME),
            threadPool.getThreadContext());
        ModelRegistry models = new ModelRegistry(environment.pluginsDir().resolve("align3d").resolve("models"),
            environment.configDir().resolve("align3d").resolve("models"));
        long maxBytes = Align3dSettings.ASSETS_MAX_BYTES.get(settings);
        MeshLimits limits = new MeshLimits(maxBytes, MeshLimits.DEFAULTS.maxVertices(), MeshLimits.DEFAULTS.maxFaces());
        InferenceService service = new InferenceService(nodeEngine, models, new MeshLoader(limits));
        engine.set(nodeEngine);
        registry.set(models);
        inference.set(service);
        assets = resolver(settings);
        NeuralShapeQueryBuilder.initialize(service);
        return List.of(nodeEngine, models, service);
    }

    private static AssetResolver resolver(Settings settings) {
        List<Path> roots = Align3dSettings.ASSETS_ROOTS.get(settings);
        return new AssetResolver(roots, Align3dSettings.ASSETS_MAX_BYTES.get(settings));
    }

    @Override
    public Map<String, Mapper.TypeParser> getMappers() {
        return Map.of(ShapeVectorFieldType.CONTENT_TYPE, ShapeVectorFieldMapper.PARSER);
    }

    @Override
    public Optional<CodecServiceFactory> getCustomCodecServiceFactory(IndexSettings indexSettings) {
        return Align3dSettings.INDEX_ENABLED.get(indexSettings.getSettings()) ? Optional.of(Align3dCodecService::new) : Optional.empty();
    }

    /** The ingest service is built before components: the processor reaches the inference service when it runs. */
    @Override
    public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
        AssetEmbedder embedder = (modelId, sources, listener) -> {
            InferenceService service = inference.get();
            if (service == null) {
                listener.onFailure(new IllegalStateException("align3d's inference service has not started"));
                return;
            }
            service.embed(modelId, sources, listener);
        };
        return Map.of(ShapeEmbeddingProcessor.TYPE, new ShapeEmbeddingProcessorFactory(resolver(parameters.env.settings()), embedder));
    }

    @Override
    public List<QuerySpec<?>> getQueries() {
        return List.of(new QuerySpec<>(NeuralShapeQueryBuilder.NAME, NeuralShapeQueryBuilder::new, NeuralShapeQueryBuilder::fromXContent));
    }

    @Override
    public List<FetchSubPhase> getFetchSubPhases(FetchPhaseConstructionContext context) {
        return List.of(new PartMatchesFetchSubPhase());
    }

    @Override
    public List<ActionHandler<? extends ActionRequest, ? extends ActionResponse>> getActions() {
        return List.of(new ActionHandler<>(RegisterModelAction.INSTANCE, TransportRegisterModelAction.class),
            new ActionHandler<>(Align3dStatsAction.INSTANCE, TransportAlign3dStatsAction.class));
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
        return List.of(
            new RestAlign3dInfoAction(build, engine.get(), Align3dSettings.ASSETS_ROOTS.get(settings)),
            new RestModelsAction(inference.get()),
            new RestEmbedAction(inference.get(), assets),
            new RestSegmentAction(inference.get(), assets),
            new RestStatsAction());
    }

    @Override
    public void close() {
        ModelRegistry models = registry.get();
        if (models != null) {
            models.close();
        }
    }
}
