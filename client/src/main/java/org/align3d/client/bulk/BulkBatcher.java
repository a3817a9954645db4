package org.align3d.client.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits assets, in order, into consecutive batches within {@link BatchBounds}, from their sizes alone (no bytes
 * are read). A batch closes when the next document would pass either bound; a document whose own estimate passes
 * the byte bound is sent alone.
 */
public final class BulkBatcher {

    /** Request bytes per document besides the base64 asset: action line, metadata fields, JSON punctuation. */
    static final int METADATA_BYTES = 512;

    private final BatchBounds bounds;

    public BulkBatcher(BatchBounds bounds) {
        this.bounds = bounds;
    }

    /** Request bytes one asset adds: its base64 length plus {@link #METADATA_BYTES}. */
    public static long requestBytes(long assetBytes) {
        return 4 * ((assetBytes + 2) / 3) + METADATA_BYTES;
    }

    public <T extends AssetSource> List<List<T>> batches(List<T> assets) {
        List<List<T>> out = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long bytes = 0;
        for (T asset : assets) {
            long size = requestBytes(asset.assetBytes()) + asset.fieldBytes();
            if (!current.isEmpty() && (current.size() == bounds.maxDocs() || bytes + size > bounds.maxBytes())) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(asset);
            bytes += size;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
