package org.align3d.query;

import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.model.AssetEmbedding;
import org.align3d.mesh.MeshSource;
import org.opensearch.core.action.ActionListener;

/** Encodes what a {@code neural_shape} query searches with, off the search threads. The plugin implements it. */
public interface QueryEncoder {

    /** The query text in the model's joint space (cached per model and text). */
    void encodeText(String modelId, String text, ActionListener<HafQuery> listener);

    /** An example asset, for search by example. */
    void encodeAsset(String modelId, MeshSource asset, ActionListener<AssetEmbedding> listener);

    /** The model's calibrated HAF policy for retrieval. */
    HafPolicy retrievalPolicy(String modelId);
}
