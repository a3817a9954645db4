package org.align3d.client.catalog;

import java.nio.file.Path;
import org.align3d.client.bulk.AssetFailure;
import java.util.List;

/**
 * The result of walking a folder: the meshes to index, sorted by id, and the files refused while walking.
 *
 * @param root     the folder walked
 * @param entries  meshes to index
 * @param failures meshes refused (bad sidecar, too large, external glTF buffers, id too long)
 */
public record Catalog(Path root, List<CatalogEntry> entries, List<AssetFailure> failures) {

    public Catalog {
        entries = List.copyOf(entries);
        failures = List.copyOf(failures);
    }

    /** Meshes found, indexable or not. */
    public int size() {
        return entries.size() + failures.size();
    }
}
