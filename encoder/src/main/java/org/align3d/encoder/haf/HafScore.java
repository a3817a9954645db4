package org.align3d.encoder.haf;

import java.util.List;

/**
 * HAF's score of one asset for one query, with its levels.
 *
 * @param score   the fused score mapped to [0, 1] ({@code (fused + 1) / 2}), so it composes with other queries
 * @param fused   the policy-weighted mean of the levels, in [-1, 1]
 * @param global  the global cosine
 * @param patch   the token-weighted mean over tokens of attention-pooled token-to-patch similarity
 * @param part    the token-weighted mean over tokens of the best token-to-part similarity
 * @param matches per query word, the patches it attended to most (empty unless asked for)
 */
public record HafScore(double score, double fused, double global, double patch, double part, List<WordMatch> matches) {
}
