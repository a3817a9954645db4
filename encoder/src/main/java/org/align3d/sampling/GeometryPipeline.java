package org.align3d.sampling;

import org.align3d.mesh.Mesh;

/**
 * Mesh to encoder input in one call: sample the surface, normalize into the unit sphere (keeping the frame),
 * pick patch centres by farthest point sampling, group them into patches. Stateless and thread-safe.
 */
public final class GeometryPipeline {

    /** The result: patches over the normalized cloud, and the frame the shape came from. */
    public record Shape(Patches patches, ShapeFrame frame) {
        public PointCloud cloud() {
            return patches.cloud();
        }
    }

    private final SamplingConfig config;
    private final SurfaceSampler sampler;
    private final Normalizer normalizer = new Normalizer();
    private final FarthestPointSampler fps = new FarthestPointSampler();
    private final PatchGrouper grouper;

    public GeometryPipeline(SamplingConfig config) {
        this.config = config;
        this.sampler = new SurfaceSampler(config.points());
        this.grouper = new PatchGrouper(config.patchSize());
    }

    public SamplingConfig config() {
        return config;
    }

    /** The same mesh and seed always give the same shape. */
    public Shape process(Mesh mesh, long seed) {
        ShapeFrame frame = normalizer.frame(mesh);
        PointCloud cloud = normalizer.apply(frame, sampler.sample(mesh, seed));
        int[] centres = fps.select(cloud, config.patches());
        return new Shape(grouper.group(cloud, centres), frame);
    }
}
