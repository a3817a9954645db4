package org.align3d.client.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes generated assets as a catalog folder: {@code <category>/<id>.glb} and its sidecar {@code
 * <category>/<id>.glb.json}. Files already present are kept (generation is deterministic, so they hold the same
 * bytes), which makes a second demo start immediate.
 */
public final class DemoCatalogWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes what is missing and returns how many assets were written. */
    public int write(List<SynthAsset> assets, Path folder) throws IOException {
        int written = 0;
        for (SynthAsset a : assets) {
            Path mesh = folder.resolve(a.file());
            Path sidecar = mesh.resolveSibling(mesh.getFileName() + ".json");
            if (Files.isRegularFile(mesh) && Files.isRegularFile(sidecar)) {
                continue;
            }
            Files.createDirectories(mesh.getParent());
            ObjectNode meta = JSON.createObjectNode();
            meta.put("name", a.name());
            meta.putArray("tags").addAll(a.tags().stream().map(meta::textNode).toList());
            meta.put("description", a.description());
            // The sidecar first: a mesh without one would be indexed under its file name.
            Files.write(sidecar, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
            Path partial = mesh.resolveSibling(mesh.getFileName() + ".part");
            Files.write(partial, a.glb());
            Files.move(partial, mesh, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            written++;
        }
        return written;
    }
}
