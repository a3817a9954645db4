package org.align3d.client.catalog;

import java.util.List;

/**
 * What a sidecar JSON says about its mesh: {@code {"name": ..., "tags": [...], "description": ...}}, every field
 * optional. A mesh without a sidecar is named after its file.
 *
 * @param name        display name, indexed as text
 * @param tags        keywords, indexed as exact terms (filters)
 * @param description free text, indexed as text; null when absent
 */
public record Sidecar(String name, List<String> tags, String description) {

    public static final int MAX_NAME_CHARS = 1_000;
    public static final int MAX_TAGS = 256;
    public static final int MAX_TAG_CHARS = 256;
    public static final int MAX_DESCRIPTION_CHARS = 32_000;

    public Sidecar {
        tags = List.copyOf(tags);
    }

    /** The metadata of a mesh that has no sidecar: its file name without the extension, no tags. */
    public static Sidecar named(String name) {
        return new Sidecar(name, List.of(), null);
    }
}
