package org.align3d.plugin.stats;

/** The kinds of model work a node does, each counted apart in {@code GET _plugins/align3d/stats}. */
public enum InferenceOperation {
    /** Batches of assets embedded for ingest or {@code _embed}; items are assets. */
    EMBED_ASSETS("embed_assets"),
    /** Query texts encoded by a model (cache misses); items are texts. */
    ENCODE_TEXT("encode_text"),
    /** Assets encoded as a query by example ({@code query_asset}). */
    ENCODE_QUERY_ASSET("encode_query_asset"),
    /** {@code _segment} calls. */
    SEGMENT("segment");

    private final String field;

    InferenceOperation(String field) {
        this.field = field;
    }

    /** The operation's name in the stats response. */
    public String field() {
        return field;
    }
}
