package org.align3d.encoder.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.align3d.encoder.bundle.BundleConfig;
import org.align3d.encoder.bundle.BundleException;
import org.align3d.encoder.bundle.ModelBundle;
import org.align3d.encoder.embed.QueryEmbedder;
import org.align3d.encoder.embed.ShapeEmbedder;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.haf.HafShape;
import org.align3d.encoder.parts.PartLabeller;
import org.align3d.encoder.parts.ZeroShotParts;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.mesh.Mesh;
import org.align3d.sampling.GeometryPipeline;
import org.align3d.sampling.Patches;
import org.align3d.sampling.SamplingConfig;

/**
 * A loaded model bundle ready to serve: meshes to {@link AssetEmbedding}s, query texts to {@link HafQuery}s, and
 * zero-shot part segmentation. Sampling uses a fixed seed, so the same file always gives the same vectors.
 * Thread-safe; every call works in its own scope of native memory.
 */
public final class ShapeModel implements AutoCloseable {

    /** Sampling seed for indexing and queries by example: fixed, so embeddings are reproducible. */
    public static final long SAMPLING_SEED = 0x5EED;

    private final NDManager manager;
    private final ModelBundle bundle;
    private final FrozenTextEncoder text;
    private final GeometryPipeline pipeline;
    private final ShapeEmbedder shapes;
    private final QueryEmbedder queries;
    private final PartLabeller parts;
    private final PartLabeller patchParts = PartLabeller.fromPatches(ZeroShotParts.NEIGHBOURS);

    private ShapeModel(NDManager manager, ModelBundle bundle, FrozenTextEncoder text) {
        this.manager = manager;
        this.bundle = bundle;
        this.text = text;
        BundleConfig c = bundle.config();
        this.pipeline = new GeometryPipeline(new SamplingConfig(c.shape().points(), c.shape().patches(), c.shape().patchSize()));
        this.shapes = new ShapeEmbedder(bundle.shapeEncoder(), manager, c.partGroups());
        this.queries = new QueryEmbedder(bundle.textProjection());
        this.parts = PartLabeller.of(bundle.partHead(), manager);
    }

    /** Verifies and loads the bundle in {@code dir} onto {@code device}; {@code text} is shared, not closed here. */
    public static ShapeModel load(Path dir, FrozenTextEncoder text, Device device) throws BundleException {
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            return new ShapeModel(manager, ModelBundle.load(dir, manager), text);
        } catch (BundleException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public BundleConfig config() {
        return bundle.config();
    }

    public ModelBundle bundle() {
        return bundle;
    }

    public AssetEmbedding embed(Mesh mesh) {
        return embed(List.of(mesh)).get(0);
    }

    /** Embeds meshes in one batched forward pass per {@link ShapeEmbedder#DEFAULT_BATCH}. */
    public List<AssetEmbedding> embed(List<Mesh> meshes) {
        List<GeometryPipeline.Shape> sampled = new ArrayList<>(meshes.size());
        for (Mesh mesh : meshes) {
            sampled.add(pipeline.process(mesh, SAMPLING_SEED));
        }
        List<HafShape> embedded = shapes.embed(sampled.stream().map(GeometryPipeline.Shape::patches).toList());
        List<AssetEmbedding> out = new ArrayList<>(meshes.size());
        for (int i = 0; i < meshes.size(); i++) {
            Patches patches = sampled.get(i).patches();
            out.add(new AssetEmbedding(embedded.get(i), patches.centrePositions(), radii(patches), sampled.get(i).frame()));
        }
        return out;
    }

    /** Encodes a query text (see {@link FrozenTextEncoder} for its limits). */
    public HafQuery query(String queryText) {
        return queries.embed(text.encode(queryText));
    }

    /**
     * Labels every sampled point of {@code mesh} with the closest of {@code partNames}, as PatchAlign3D does in one
     * forward pass: with the bundle's point-level part head when it has one, each point's vector is compared with
     * the part names' vectors; without, patch vectors are, and each point takes the part whose similarity,
     * interpolated from its nearest patch centres, is highest ({@link PartLabeller}).
     */
    public Segmentation segment(Mesh mesh, List<String> partNames) {
        return segment(mesh, partNames, true);
    }

    /**
     * As {@link #segment(Mesh, List)}; with {@code partHead} false, from patch vectors even when the bundle has a
     * part head (to compare the two).
     */
    public Segmentation segment(Mesh mesh, List<String> partNames, boolean partHead) {
        if (partNames.isEmpty()) {
            throw new IllegalArgumentException("segmentation needs at least one part name");
        }
        GeometryPipeline.Shape sampled = pipeline.process(mesh, SAMPLING_SEED);
        HafShape shape = shapes.embed(List.of(sampled.patches())).get(0);
        float[][] names = new float[partNames.size()][];
        for (int n = 0; n < names.length; n++) {
            names[n] = queries.partVector(text.encode(partNames.get(n)));
        }
        Patches patches = sampled.patches();
        int[] labels = (partHead ? parts : patchParts).pointLabels(patches, shape.patches(), names);
        float[] positions = patches.cloud().positions();
        float[] inFile = new float[positions.length];
        double[] c = sampled.frame().centre();
        double r = sampled.frame().radius();
        for (int i = 0; i < positions.length; i++) {
            inFile[i] = (float) (c[i % 3] + positions[i] * r);
        }
        return new Segmentation(List.copyOf(partNames), inFile, labels);
    }

    private static float[] radii(Patches patches) {
        float[] p = patches.cloud().positions();
        int[] centres = patches.centres();
        int k = patches.patchSize();
        float[] out = new float[centres.length];
        for (int c = 0; c < centres.length; c++) {
            int centre = 3 * centres[c];
            float max = 0;
            for (int j = 0; j < k; j++) {
                int m = 3 * patches.members()[c * k + j];
                float dx = p[m] - p[centre];
                float dy = p[m + 1] - p[centre + 1];
                float dz = p[m + 2] - p[centre + 2];
                max = Math.max(max, (float) Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
            out[c] = max;
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
