package org.align3d.client.bulk;

import java.io.IOException;

/**
 * An asset to index, known by its id and size before its bytes are read: batches are planned from sizes, and
 * bytes are loaded one batch at a time, so memory holds at most one request.
 */
public interface AssetSource {

    /** The document id. */
    String id();

    /** Bytes of the mesh before base64; batches are bounded by these. */
    long assetBytes();

    /**
     * Request bytes of the document's own fields beyond {@link BulkBatcher#METADATA_BYTES} (a long description, many
     * tags), so a batch's estimate holds for catalogues whose metadata is large; 0 when there is none.
     */
    default long fieldBytes() {
        return 0;
    }

    /** Reads the asset. An IOException fails this asset only; its message names the file and the problem. */
    AssetDocument load() throws IOException;
}
