package org.align3d.ingest;

import java.util.List;
import org.align3d.mesh.MeshSource;
import org.opensearch.core.action.ActionListener;

/** Embeds assets with a model, off the caller's thread. The plugin implements it on its inference pool. */
public interface AssetEmbedder {

    /**
     * Reads and embeds each source; the listener gets one {@link EmbedOutcome} per source, in order: an asset that
     * cannot be read fails alone. The listener fails as a whole only when the model itself is unusable.
     */
    void embed(String modelId, List<MeshSource> sources, ActionListener<List<EmbedOutcome>> listener);
}
