package org.align3d.client.catalog;

/**
 * What the walker accepts from a folder; defaults in {@link #DEFAULTS}.
 *
 * @param maxFileBytes    largest mesh file indexed (default 64 MiB); larger files fail with a reason
 * @param maxSidecarBytes largest sidecar JSON read (default 64 KiB)
 * @param maxFiles        most mesh files one walk collects (default 10 million); the walk stops with an error beyond
 */
public record CatalogLimits(long maxFileBytes, long maxSidecarBytes, int maxFiles) {

    public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;
    public static final CatalogLimits DEFAULTS = new CatalogLimits(DEFAULT_MAX_FILE_BYTES, 64 << 10, 10_000_000);

    /** OpenSearch refuses document ids longer than this many UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 512;

    public CatalogLimits {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("max file bytes must be >= 1, got " + maxFileBytes);
        }
        if (maxSidecarBytes < 2) {
            throw new IllegalArgumentException("max sidecar bytes must be >= 2, got " + maxSidecarBytes);
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("max files must be >= 1, got " + maxFiles);
        }
    }

    public CatalogLimits withMaxFileBytes(long bytes) {
        return new CatalogLimits(bytes, maxSidecarBytes, maxFiles);
    }
}
