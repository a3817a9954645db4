package org.align3d.encoder.haf;

import java.util.List;

/**
 * A query text in the joint space, ready for HAF scoring. Vectors are L2-normalised.
 *
 * @param global       sentence vector ({@code jointDim})
 * @param tokens       one vector per content token ({@code tokenDim} each)
 * @param tokenWeights each token's learned importance in (0, 1)
 * @param tokenWords   index into {@code words} of each token's word
 * @param words        the query's words, for explanations and highlights
 */
public record HafQuery(float[] global, float[][] tokens, float[] tokenWeights, int[] tokenWords, List<String> words) {

    public HafQuery {
        if (tokens.length != tokenWeights.length || tokens.length != tokenWords.length) {
            throw new IllegalArgumentException("tokens, tokenWeights and tokenWords differ in length: "
                + tokens.length + ", " + tokenWeights.length + ", " + tokenWords.length);
        }
    }
}
