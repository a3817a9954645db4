package org.align3d.encoder.embed;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.joint.TextProjection;
import org.align3d.encoder.text.EncodedText;
import org.align3d.encoder.text.FrozenTextEncoder;

/** Projects encoded texts into the joint space: the sentence vector for ERS and token vectors for HAF. */
public final class QueryEmbedder {

    private static final int D = FrozenTextEncoder.DIM;
    private final TextProjection projection;
    private final NDManager manager;

    public QueryEmbedder(TextProjection projection, NDManager manager) {
        this.projection = projection;
        this.manager = manager;
    }

    public HafQuery embed(EncodedText text) {
        return embed(List.of(text)).get(0);
    }

    public List<HafQuery> embed(List<EncodedText> texts) {
        List<HafQuery> out = new ArrayList<>(texts.size());
        for (EncodedText text : texts) {
            out.add(embedOne(text));
        }
        return out;
    }

    /**
     * A part name's vector in token space: the normalised mean of its token vectors. Patches are compared with it
     * for zero-shot part segmentation (PatchAlign3D).
     */
    public float[] partVector(EncodedText name) {
        float[][] tokens = embedOne(name).tokens();
        float[] mean = new float[tokens.length == 0 ? 0 : tokens[0].length];
        for (float[] t : tokens) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += t[d];
            }
        }
        double norm = 0;
        for (float v : mean) {
            norm += v * v;
        }
        float inv = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
        for (int d = 0; d < mean.length; d++) {
            mean[d] *= inv;
        }
        return mean;
    }

    private HafQuery embedOne(EncodedText text) {
        int t = Math.max(1, text.tokenCount());
        float[] tokens = new float[t * D];
        for (int j = 0; j < text.tokenCount(); j++) {
            System.arraycopy(text.tokenStates()[j], 0, tokens, j * D, D);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDList out = projection.forward(new ParameterStore(scope, false), new NDList(
                scope.create(text.sentence(), new Shape(1, D)), scope.create(tokens, new Shape(1, t, D))), false);
            float[] global = ShapeEmbedder.normalizeRows(out.get(0)).toFloatArray();
            float[] tokenVectors = ShapeEmbedder.normalizeRows(out.get(1)).toFloatArray();
            float[] weights = out.get(2).toFloatArray();
            int dim = (int) out.get(1).getShape().get(2);
            float[][] vectors = new float[text.tokenCount()][dim];
            for (int j = 0; j < text.tokenCount(); j++) {
                System.arraycopy(tokenVectors, j * dim, vectors[j], 0, dim);
            }
            float[] w = new float[text.tokenCount()];
            System.arraycopy(weights, 0, w, 0, text.tokenCount());
            return new HafQuery(global, vectors, w, text.tokenWords(), text.words());
        }
    }
}
