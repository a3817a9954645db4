package org.align3d.client.bulk;

import java.util.List;

/**
 * One document of a bulk request: the metadata fields of the mapping and the mesh bytes, sent base64-encoded in
 * {@code asset} for the {@code shape_embedding} processor.
 *
 * @param id          document id
 * @param name        display name
 * @param tags        keyword tags
 * @param description free text, or null
 * @param file        the mesh's path in its catalog
 * @param format      file format by extension: obj, ply, stl, off, glb or gltf
 * @param asset       the mesh file's bytes
 */
public record AssetDocument(String id, String name, List<String> tags, String description, String file,
                            String format, byte[] asset) {

    public AssetDocument {
        tags = List.copyOf(tags);
    }
}
