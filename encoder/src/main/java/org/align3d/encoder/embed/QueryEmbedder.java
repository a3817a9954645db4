package org.align3d.encoder.embed;

import java.util.ArrayList;
import java.util.List;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.joint.TextProjection;
import org.align3d.encoder.joint.TextProjectionKernel;
import org.align3d.encoder.text.EncodedText;

/**
 * Projects encoded texts into the joint space: the sentence vector for ERS and token vectors for HAF. It runs the
 * projection on plain arrays ({@link TextProjectionKernel}), not through the engine, so a query's projection costs
 * well under a millisecond; thread-safe.
 */
public final class QueryEmbedder {

    private final TextProjectionKernel kernel;

    /** Takes a snapshot of {@code projection}'s weights: make a new embedder to see weights trained since. */
    public QueryEmbedder(TextProjection projection) {
        this.kernel = TextProjectionKernel.of(projection);
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
        TextProjectionKernel.Projected p = kernel.project(text.sentence(), text.tokenStates());
        float[][] tokens = p.tokens();
        for (float[] token : tokens) {
            normalize(token);
        }
        return new HafQuery(normalize(p.global()), tokens, p.tokenWeights(), text.tokenWords(), text.words());
    }

    /** In place, as the engine's {@code x / (|x| + 1e-6)} (ShapeEmbedder's normalisation). */
    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float inv = (float) (1 / (Math.sqrt(norm) + 1e-6));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }
}
