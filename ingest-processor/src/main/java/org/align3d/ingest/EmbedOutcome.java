package org.align3d.ingest;

import org.align3d.encoder.model.AssetEmbedding;

/** One asset's result: its embedding, or why it could not be embedded (exactly one is non-null). */
public record EmbedOutcome(AssetEmbedding embedding, Exception failure) {

    public static EmbedOutcome of(AssetEmbedding e) {
        return new EmbedOutcome(e, null);
    }

    public static EmbedOutcome failed(Exception e) {
        return new EmbedOutcome(null, e);
    }
}
