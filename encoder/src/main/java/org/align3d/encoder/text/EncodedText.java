package org.align3d.encoder.text;

import java.util.List;

/**
 * A text as the frozen language model sees it.
 *
 * @param text        the input
 * @param words       the text's words (whitespace and punctuation split as the tokenizer does), in order
 * @param tokenWords  for each content token (special tokens dropped), the index of its word in {@code words}
 * @param tokenStates for each content token, its final hidden state ({@link FrozenTextEncoder#DIM} floats)
 * @param sentence    the sentence embedding: mean of all token states under the attention mask, L2-normalised
 *                    (what sentence-transformers computes for all-MiniLM-L6-v2)
 * @param truncated   the text had more tokens than {@link TextLimits#maxTokens()} and its tail was dropped
 */
public record EncodedText(String text, List<String> words, int[] tokenWords, float[][] tokenStates, float[] sentence,
                          boolean truncated) {

    public int tokenCount() {
        return tokenStates.length;
    }
}
