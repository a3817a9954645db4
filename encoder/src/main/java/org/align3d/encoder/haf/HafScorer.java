package org.align3d.encoder.haf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hierarchical Attention Fusion (after 3DAlign-DAER): scores an asset for a query at three levels of geometry and
 * fuses them under a {@link HafPolicy}.
 *
 * <ul>
 *   <li>global: {@code cos(query.global, shape.global)};</li>
 *   <li>patch: each token {@code i} attends over patches {@code j} with {@code a_ij = softmax_j(s_ij / tau)},
 *       {@code s_ij = cos(token_i, patch_j)}; its similarity is {@code sum_j a_ij s_ij}; the level is the
 *       token-weighted mean over tokens;</li>
 *   <li>part: patches are mean-pooled into part groups; each token takes its best group; token-weighted mean.</li>
 * </ul>
 * The trainer's loss computes the same formulas on tensors; {@code HafScorerTest} checks the two agree.
 * This class runs at query time on plain arrays. A scorer keeps scratch buffers between calls, so one instance
 * serves one thread (one query's rerank); {@link DotProduct} lets the caller supply a SIMD dot product (the
 * query parser passes Lucene's {@code VectorUtil::dotProduct}).
 */
public final class HafScorer {

    /** The dot product of two equally long vectors. */
    @FunctionalInterface
    public interface DotProduct {
        double dot(float[] a, float[] b);
    }

    private final HafPolicy policy;
    private final DotProduct dotProduct;
    private double[] sims = new double[0];
    private double[] weights = new double[0];
    private float[][] parts = new float[0][];

    public HafScorer(HafPolicy policy) {
        this(policy, HafScorer::dot);
    }

    public HafScorer(HafPolicy policy, DotProduct dotProduct) {
        this.policy = policy;
        this.dotProduct = dotProduct;
    }

    public HafPolicy policy() {
        return policy;
    }

    public HafScore score(HafQuery query, HafShape shape) {
        return score(query, shape, 0);
    }

    /**
     * Scores {@code shape} for {@code query}; with {@code matchesPerWord > 0}, also reports for each query word
     * the patches that hold most of its attention (at most that many per word).
     */
    public HafScore score(HafQuery query, HafShape shape, int matchesPerWord) {
        double global = dotProduct.dot(query.global(), shape.global());
        int tokens = query.tokens().length;
        if (tokens == 0) {
            double fused = policy.globalWeight() > 0 ? global : 0;
            return new HafScore((fused + 1) / 2, fused, global, 0, 0, List.of());
        }
        float[][] patches = shape.patches();
        float[][] groups = partVectors(shape);
        double[] tokenPatch = new double[tokens];
        double[][] attention = matchesPerWord > 0 ? new double[tokens][] : null;
        if (sims.length < patches.length) {
            sims = new double[patches.length];
            weights = new double[patches.length];
        }
        double patchLevel = 0;
        double partLevel = 0;
        double weightSum = 0;
        for (int i = 0; i < tokens; i++) {
            float[] token = query.tokens()[i];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < patches.length; j++) {
                sims[j] = dotProduct.dot(token, patches[j]);
                max = Math.max(max, sims[j]);
            }
            // softmax_j(sims / tau), then the attention-weighted similarity
            double sum = 0;
            double weighted = 0;
            for (int j = 0; j < patches.length; j++) {
                weights[j] = Math.exp((sims[j] - max) / policy.attentionTemperature());
                sum += weights[j];
                weighted += weights[j] * sims[j];
            }
            tokenPatch[i] = weighted / sum;
            if (attention != null) {
                attention[i] = new double[patches.length];
                for (int j = 0; j < patches.length; j++) {
                    attention[i][j] = weights[j] / sum;
                }
            }
            double bestPart = -1;
            for (int g = 0; g < shape.groupCount(); g++) {
                bestPart = Math.max(bestPart, dotProduct.dot(token, groups[g]));
            }
            double w = query.tokenWeights()[i];
            patchLevel += w * tokenPatch[i];
            partLevel += w * bestPart;
            weightSum += w;
        }
        weightSum = Math.max(weightSum, 1e-9);
        patchLevel /= weightSum;
        partLevel /= weightSum;
        double fused = (policy.globalWeight() * global + policy.patchWeight() * patchLevel + policy.partWeight() * partLevel)
            / policy.weightSum();
        List<WordMatch> matches = attention != null ? wordMatches(query, attention, tokenPatch, matchesPerWord) : List.of();
        return new HafScore((fused + 1) / 2, fused, global, patchLevel, partLevel, matches);
    }

    /** Mean of each group's patch vectors, normalised, in the scorer's scratch; an empty group gets a zero vector. */
    private float[][] partVectors(HafShape shape) {
        int dim = shape.patches().length == 0 ? 0 : shape.patches()[0].length;
        if (parts.length < shape.groupCount() || (parts.length > 0 && parts[0].length != dim)) {
            parts = new float[Math.max(shape.groupCount(), parts.length)][dim];
        }
        for (int g = 0; g < shape.groupCount(); g++) {
            Arrays.fill(parts[g], 0f);
        }
        for (int j = 0; j < shape.patches().length; j++) {
            float[] part = parts[shape.patchGroups()[j]];
            float[] patch = shape.patches()[j];
            for (int d = 0; d < dim; d++) {
                part[d] += patch[d];
            }
        }
        for (int g = 0; g < shape.groupCount(); g++) {
            normalize(parts[g]);
        }
        return parts;
    }

    /** Merges word pieces of one word: their attention is averaged, so a word's patches come out once. */
    private static List<WordMatch> wordMatches(HafQuery query, double[][] attention, double[] tokenPatch, int perWord) {
        List<WordMatch> out = new ArrayList<>();
        int t = 0;
        while (t < attention.length) {
            int word = query.tokenWords()[t];
            int end = t;
            while (end < attention.length && query.tokenWords()[end] == word) {
                end++;
            }
            double[] mean = new double[attention[t].length];
            double similarity = 0;
            for (int i = t; i < end; i++) {
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += attention[i][j] / (end - t);
                }
                similarity += tokenPatch[i] / (end - t);
            }
            Integer[] order = new Integer[mean.length];
            Arrays.setAll(order, j -> j);
            Arrays.sort(order, (a, b) -> Double.compare(mean[b], mean[a]));
            int n = Math.min(perWord, order.length);
            int[] patches = new int[n];
            float[] weights = new float[n];
            for (int k = 0; k < n; k++) {
                patches[k] = order[k];
                weights[k] = (float) mean[order[k]];
            }
            out.add(new WordMatch(query.words().get(word), patches, weights, (float) similarity));
            t = end;
        }
        return out;
    }

    /** Dot product accumulated in double: the trainer's and evaluator's reference (exact enough to keep near ties). */
    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static void normalize(float[] v) {
        double n = Math.sqrt(dot(v, v));
        if (n > 1e-12) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) n;
            }
        }
    }
}
