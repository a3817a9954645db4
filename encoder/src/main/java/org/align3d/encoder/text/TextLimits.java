package org.align3d.encoder.text;

/**
 * Bounds on text that reaches the encoder from outside (queries, captions, part names).
 *
 * @param maxChars   longer texts are refused (default 1,000 characters)
 * @param maxTokens  word pieces kept per text, including [CLS] and [SEP]; longer texts are truncated and marked so
 *                   (default 64: fine-grained queries are one or two sentences)
 */
public record TextLimits(int maxChars, int maxTokens) {

    public static final TextLimits DEFAULT = new TextLimits(1_000, 64);

    public TextLimits {
        if (maxChars < 1 || maxChars > 100_000) {
            throw new IllegalArgumentException("maxChars [" + maxChars + "] must be in 1..100000");
        }
        if (maxTokens < 3 || maxTokens > 512) {
            throw new IllegalArgumentException("maxTokens [" + maxTokens + "] must be in 3..512 (the model's positions)");
        }
    }
}
