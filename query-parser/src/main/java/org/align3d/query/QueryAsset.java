package org.align3d.query;

import java.io.IOException;
import java.util.Map;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * The example of a search by example: an asset's bytes ({@code "query_asset": "<base64>"}) or an indexed document
 * ({@code "query_asset": {"index": "catalog", "id": "chairs/eames.glb"}}), whose stored shape vector is reused.
 */
record QueryAsset(String base64, String index, String id) implements Writeable {

    /** Base64 of at most 64 MiB of mesh, as the ingest limit. */
    static final int MAX_BASE64 = 64 * 1024 * 1024 / 3 * 4 + 4;

    static QueryAsset parse(Object value) {
        if (value instanceof String s) {
            if (s.length() > MAX_BASE64) {
                throw new IllegalArgumentException("[query_asset] is larger than 64 MiB");
            }
            return new QueryAsset(s, null, null);
        }
        if (value instanceof Map<?, ?> m && m.get("id") instanceof String id && m.get("index") instanceof String index
            && m.size() == 2) {
            return new QueryAsset(null, index, id);
        }
        throw new IllegalArgumentException("[query_asset] must be base64 of a mesh or {\"index\": ..., \"id\": ...}");
    }

    static QueryAsset read(StreamInput in) throws IOException {
        return new QueryAsset(in.readOptionalString(), in.readOptionalString(), in.readOptionalString());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeOptionalString(base64);
        out.writeOptionalString(index);
        out.writeOptionalString(id);
    }

    void toXContent(XContentBuilder b) throws IOException {
        if (base64 != null) {
            b.field("query_asset", base64);
        } else {
            b.startObject("query_asset").field("index", index).field("id", id).endObject();
        }
    }
}
