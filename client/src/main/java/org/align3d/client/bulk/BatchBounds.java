package org.align3d.client.bulk;

/**
 * How large one bulk request may grow.
 *
 * @param maxBytes most request bytes (base64 assets plus metadata; default 20 MiB). A single document larger than
 *                 this goes alone in its request.
 * @param maxDocs  most documents per request (default 64)
 */
public record BatchBounds(long maxBytes, int maxDocs) {

    public static final long DEFAULT_MAX_BYTES = 20L << 20;
    public static final int DEFAULT_MAX_DOCS = 64;
    public static final BatchBounds DEFAULTS = new BatchBounds(DEFAULT_MAX_BYTES, DEFAULT_MAX_DOCS);

    /** Bounds beyond these would make requests the node refuses by default (http.max_content_length is 100 MiB). */
    public static final long LIMIT_MAX_BYTES = 90L << 20;
    public static final int LIMIT_MAX_DOCS = 10_000;

    public BatchBounds {
        if (maxBytes < 1 || maxBytes > LIMIT_MAX_BYTES) {
            throw new IllegalArgumentException("--batch-bytes must be in 1.." + LIMIT_MAX_BYTES + ", got " + maxBytes);
        }
        if (maxDocs < 1 || maxDocs > LIMIT_MAX_DOCS) {
            throw new IllegalArgumentException("--batch-docs must be in 1.." + LIMIT_MAX_DOCS + ", got " + maxDocs);
        }
    }
}
