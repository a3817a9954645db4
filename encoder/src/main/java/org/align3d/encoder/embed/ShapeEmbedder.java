package org.align3d.encoder.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.align3d.encoder.haf.HafShape;
import org.align3d.encoder.haf.PartGroups;
import org.align3d.encoder.shape.PointPatchEncoder;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.sampling.Patches;

/**
 * Runs the 3D encoder in inference mode over patched clouds and returns what HAF and the index need: the
 * normalised global vector, normalised patch vectors and the patches' part groups. Batches of
 * {@link #DEFAULT_BATCH} assets per forward pass.
 */
public final class ShapeEmbedder {

    public static final int DEFAULT_BATCH = 32;
    private final PointPatchEncoder encoder;
    private final NDManager manager;
    private final int partGroups;

    public ShapeEmbedder(PointPatchEncoder encoder, NDManager manager, int partGroups) {
        this.encoder = encoder;
        this.manager = manager;
        this.partGroups = partGroups;
    }

    public List<HafShape> embed(List<Patches> shapes) {
        List<HafShape> out = new ArrayList<>(shapes.size());
        for (int from = 0; from < shapes.size(); from += DEFAULT_BATCH) {
            out.addAll(embedBatch(shapes.subList(from, Math.min(shapes.size(), from + DEFAULT_BATCH))));
        }
        return out;
    }

    private List<HafShape> embedBatch(List<Patches> batch) {
        ShapeEncoderConfig c = encoder.config();
        int b = batch.size();
        int p = c.patches();
        float[] features = new float[b * p * c.patchSize() * c.channels()];
        float[] centres = new float[b * p * 3];
        for (int i = 0; i < b; i++) {
            Patches patches = batch.get(i);
            if (patches.patchCount() != p || patches.patchSize() != c.patchSize()) {
                throw new IllegalArgumentException("asset has " + patches.patchCount() + " patches of " + patches.patchSize()
                    + " points; the model takes " + p + " of " + c.patchSize());
            }
            float[] f = patches.features();
            System.arraycopy(f, 0, features, i * f.length, f.length);
            System.arraycopy(patches.centrePositions(), 0, centres, i * p * 3, p * 3);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDList out = encoder.forward(new ParameterStore(scope, false), new NDList(
                scope.create(features, new Shape(b, p, c.patchSize(), c.channels())),
                scope.create(centres, new Shape(b, p, 3))), false);
            float[] global = normalizeRows(out.get(0)).toFloatArray();
            float[] patchVectors = normalizeRows(out.get(1)).toFloatArray();
            List<HafShape> shapes = new ArrayList<>(b);
            int d = c.jointDim();
            int t = c.tokenDim();
            for (int i = 0; i < b; i++) {
                float[] g = new float[d];
                System.arraycopy(global, i * d, g, 0, d);
                float[][] pv = new float[p][t];
                for (int j = 0; j < p; j++) {
                    System.arraycopy(patchVectors, (i * p + j) * t, pv[j], 0, t);
                }
                int[] groups = PartGroups.assign(batch.get(i).centrePositions(), partGroups);
                shapes.add(new HafShape(g, pv, groups, Math.min(partGroups, p)));
            }
            return shapes;
        }
    }

    static NDArray normalizeRows(NDArray x) {
        return x.div(x.norm(new int[] {-1}, true).add(1e-6f));
    }
}
