package org.align3d.client.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.align3d.client.bulk.AssetDocument;
import org.align3d.client.bulk.AssetSource;

/**
 * A mesh file of a catalog ready to index.
 *
 * @param id      the path relative to the catalog root with {@code /} separators: the document id
 * @param file    the mesh file
 * @param format  obj, ply, stl, off, glb or gltf (from the extension)
 * @param bytes   file size when walked
 * @param sidecar its metadata (from the sidecar, or the file name)
 */
public record CatalogEntry(String id, Path file, String format, long bytes, Sidecar sidecar) implements AssetSource {

    @Override
    public long assetBytes() {
        return bytes;
    }

    /** The sidecar's text at 3 bytes a character, UTF-8's most for any character a description holds. */
    @Override
    public long fieldBytes() {
        long chars = sidecar.name().length() + (sidecar.description() == null ? 0 : sidecar.description().length());
        for (String tag : sidecar.tags()) {
            chars += tag.length() + 3;
        }
        return 3 * chars;
    }

    @Override
    public AssetDocument load() throws IOException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("file disappeared after the walk");
        } catch (IOException e) {
            throw new IOException("cannot read: " + e.getMessage(), e);
        }
        if (data.length != bytes) {
            // Changed since the walk: the limit was checked on the old size.
            throw new IOException("file changed during indexing (" + bytes + " bytes when walked, "
                    + data.length + " now); run again");
        }
        return new AssetDocument(id, sidecar.name(), sidecar.tags(), sidecar.description(), id, format, data);
    }
}
