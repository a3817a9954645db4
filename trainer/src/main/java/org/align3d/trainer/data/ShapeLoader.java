package org.align3d.trainer.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.MeshLoader;
import org.align3d.mesh.MeshReadException;
import org.align3d.sampling.GeometryPipeline;
import org.align3d.sampling.PointCloud;
import org.align3d.sampling.SurfaceSampler;
import org.align3d.synth.Align3dSynth;
import org.align3d.synth.Caption;
import org.align3d.synth.ManifestEntry;
import org.align3d.synth.ManifestException;
import org.align3d.synth.ManifestReader;
import org.align3d.synth.SampleSpec;
import org.align3d.synth.Split;

/**
 * Turns training data into {@link TrainingShape}s: straight from the Align3D-synth generator (no files), or from a
 * JSONL manifest of meshes and descriptions (the generator's output or a user's catalog). Geometry runs in parallel;
 * the result is in input order and deterministic for a seed. With {@code barePoints} it reads every mesh as a
 * scanner would see it, a bare point cloud of that many surface points without normals, to measure that input.
 */
public final class ShapeLoader {

    /** Part dropout takes away only parts under this share of a shape's surface. */
    static final double MAX_REMOVED_SHARE = 0.15;

    private final GeometryPipeline pipeline;
    private final long seed;
    private final SurfaceSampler scanner;

    public ShapeLoader(GeometryPipeline pipeline, long seed) {
        this(pipeline, seed, 0);
    }

    /** @param barePoints 0 to read meshes as they are, else the size of the bare point cloud each becomes */
    public ShapeLoader(GeometryPipeline pipeline, long seed, int barePoints) {
        if (barePoints < 0) {
            throw new IllegalArgumentException("bare point count must be >= 0, got " + barePoints);
        }
        this.pipeline = pipeline;
        this.seed = seed;
        this.scanner = barePoints == 0 ? null : new SurfaceSampler(barePoints);
    }

    /** The shape of {@code mesh}, first turned into a bare point cloud when this loader reads meshes as scans. */
    private GeometryPipeline.Shape process(Mesh mesh, long sampleSeed) {
        if (scanner == null || mesh.isPointCloud()) {
            return pipeline.process(mesh, sampleSeed);
        }
        PointCloud scan = scanner.sample(mesh, ~sampleSeed);
        Mesh bare = new Mesh(mesh.source(), scan.positions(), new int[0], null, null, scan.labels(), scan.labelNames(),
            mesh.upAxis());
        return pipeline.process(bare, sampleSeed);
    }

    /** Generates {@code count} shapes of Align3D-synth with the dataset seed {@code datasetSeed}. */
    public List<TrainingShape> synth(long datasetSeed, int count) {
        Align3dSynth synth = new Align3dSynth();
        List<SampleSpec> specs = synth.plan(datasetSeed, count);
        return IntStream.range(0, specs.size()).parallel().mapToObj(i -> {
            SampleSpec spec = specs.get(i);
            Mesh mesh = synth.mesh(spec);
            GeometryPipeline.Shape shape = process(mesh, seed ^ spec.geometrySeed());
            return new TrainingShape(spec.id(), spec.category(), spec.attributes(),
                spec.captions().stream().map(Caption::text).toList(),
                spec.captions().stream().map(Caption::template).toList(),
                spec.split(), spec.hardNegativeGroup(), shape.patches());
        }).toList();
    }

    /**
     * Part dropout: for about {@code fraction} of the generator's training shapes (of {@code count} with dataset
     * seed {@code datasetSeed}), the same shape with one part taken away, under its coarse caption only ("a cat"),
     * with no attribute values and in no hard-negative group, so that training shows a category's body without each
     * of its telling parts: a cat without its tail is still a cat. A part is taken away only if every training
     * shape of its category has it (so the rest is never another attribute value: a boat without its sail would be
     * the held-out boat with a cabin and no sail) and it holds under 15% of the shape's surface (a chair without its
     * back would be a bench). Ids are the shape's with {@code "/without-PART"}.
     */
    public List<TrainingShape> synthWithoutParts(long datasetSeed, int count, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("part dropout fraction must be in 0..1, got " + fraction);
        }
        Align3dSynth synth = new Align3dSynth();
        List<SampleSpec> train = synth.plan(datasetSeed, count).stream().filter(s -> s.split() == Split.TRAIN).toList();
        Map<String, Set<String>> everyShapeHas = partsEveryShapeHas(synth, train);
        return IntStream.range(0, train.size()).parallel().mapToObj(i -> {
            SampleSpec spec = train.get(i);
            SplittableRandom random = new SplittableRandom(seed ^ spec.geometrySeed() ^ 0x0D0D_0D0DL);
            if (random.nextDouble() >= fraction) {
                return null;
            }
            Mesh mesh = synth.mesh(spec);
            List<Integer> removable = PartRemoval.removableParts(mesh, everyShapeHas.get(spec.category()),
                MAX_REMOVED_SHARE);
            String coarse = spec.captions().stream().filter(c -> c.template().equals(Caption.COARSE)).map(Caption::text)
                .findFirst().orElse(null);
            if (removable.isEmpty() || coarse == null) {
                return null;
            }
            int part = removable.get(random.nextInt(removable.size()));
            Mesh rest = PartRemoval.without(mesh, part);
            GeometryPipeline.Shape shape = process(rest, seed ^ spec.geometrySeed());
            return new TrainingShape(spec.id() + "/without-" + mesh.partNames().get(part), spec.category(), Map.of(),
                List.of(coarse), List.of(Caption.COARSE), Split.TRAIN, null, shape.patches());
        }).filter(Objects::nonNull).toList();
    }

    /** Per category, the part names every one of {@code specs} of that category has. */
    private static Map<String, Set<String>> partsEveryShapeHas(Align3dSynth synth, List<SampleSpec> specs) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (SampleSpec spec : specs) {
            out.merge(spec.category(), new HashSet<>(synth.mesh(spec).partNames()), (a, b) -> {
                a.retainAll(b);
                return a;
            });
        }
        return out;
    }

    /**
     * The point-sampling seed of a manifest entry: from its id, not its line, so a shape samples the same points
     * whatever else the manifest lists and in whatever order.
     */
    private long sampleSeed(String id) {
        return seed ^ (id.hashCode() * 0x9E3779B97F4A7C15L);
    }

    /**
     * Reads every line of {@code manifest}; a mesh that cannot be read fails the whole load with the line named,
     * since silently training on less data than asked for hides problems.
     */
    public List<TrainingShape> manifest(Path manifest) throws ManifestException {
        List<ManifestEntry> entries = new ManifestReader().read(manifest);
        MeshLoader loader = new MeshLoader();
        List<TrainingShape> out = new ArrayList<>(IntStream.range(0, entries.size()).parallel().mapToObj(i -> {
            ManifestEntry e = entries.get(i);
            Mesh mesh;
            try {
                mesh = loader.read(e.mesh(), e.upAxis());
            } catch (MeshReadException ex) {
                throw new IllegalArgumentException(manifest.getFileName() + " line " + e.line() + ": " + ex.getMessage(), ex);
            }
            GeometryPipeline.Shape shape = process(mesh, sampleSeed(e.id()));
            return new TrainingShape(e.id(), e.category(), e.attributes() == null ? Map.of() : e.attributes(), e.captions(),
                e.captionTemplates() == null ? List.of() : e.captionTemplates(), e.split(), e.hardNegativeGroup(),
                shape.patches());
        }).toList());
        return out;
    }
}
