package org.align3d.encoder.parts;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.align3d.sampling.Patches;

/**
 * Labels every sampled point of a shape with one of a list of part names, zero-shot: with a bundle's
 * {@link PartHead} when it has one (each point's own vector against the names), else from patch vectors alone
 * ({@link ZeroShotParts}). {@code _segment} and the trainer's mIoU go through here, so both measure the same thing.
 */
public final class PartLabeller {

    private final PartHead head;
    private final NDManager manager;
    private final int neighbours;

    private PartLabeller(PartHead head, NDManager manager, int neighbours) {
        this.head = head;
        this.manager = manager;
        this.neighbours = neighbours;
    }

    /**
     * Labels with {@code head}, whose parameters live in {@code manager}; when {@code head} is null (a bundle
     * without one), from patch vectors as {@code _segment} does by default.
     */
    public static PartLabeller of(PartHead head, NDManager manager) {
        return new PartLabeller(head, manager, ZeroShotParts.NEIGHBOURS);
    }

    /** Labels from patch vectors alone, interpolated from {@code neighbours} patch centres per point. */
    public static PartLabeller fromPatches(int neighbours) {
        return new PartLabeller(null, null, neighbours);
    }

    public boolean usesHead() {
        return head != null;
    }

    /**
     * @param patchVectors per patch of {@code patches}, its L2-normalised vector
     * @param names        part-name vectors in the same space, L2-normalised
     * @return per sampled point of {@code patches}' cloud, the index of its part name
     */
    public int[] pointLabels(Patches patches, float[][] patchVectors, float[][] names) {
        if (head == null) {
            return ZeroShotParts.pointLabels(patches, ZeroShotParts.similarities(patchVectors, names), neighbours);
        }
        PointContext context = PointContext.of(patches, patchVectors);
        int n = context.points();
        int dim = head.tokenDim();
        float[] vectors;
        try (NDManager scope = manager.newSubManager()) {
            vectors = head.forward(new ParameterStore(scope, false), new NDList(
                scope.create(context.features(), new Shape(n, PointContext.channels(dim))),
                scope.create(context.interpolated(), new Shape(n, dim))), false).singletonOrThrow().toFloatArray();
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int m = 0; m < names.length; m++) {
                double v = 0;
                for (int d = 0; d < dim; d++) {
                    v += vectors[i * dim + d] * names[m][d];
                }
                if (v > best) {
                    best = v;
                    out[i] = m;
                }
            }
        }
        return out;
    }
}
