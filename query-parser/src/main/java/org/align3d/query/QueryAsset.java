package org.align3d.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.align3d.mesh.UpAxis;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * The example of a search by example: an asset's bytes ({@code "query_asset": "<base64>"}, or
 * {@code {"base64": "<base64>", "up_axis": "z"}} for a file that is not up along its format's convention) or an
 * indexed document ({@code "query_asset": {"index": "catalog", "id": "chairs/eames.glb"}}), whose stored shape
 * vector is reused.
 *
 * <p>Once the bytes are encoded (on the coordinating node) they are dropped for their SHA-256 ({@link #digested()}):
 * shards get the vectors, and the query prints {@code {"sha256": "..."}} in place of the mesh.
 *
 * @param upAxis the up axis declared with the bytes, or null for the format's convention
 * @param sha256 hex SHA-256 of the base64 text, in place of the bytes once encoded; otherwise null
 */
record QueryAsset(String base64, String index, String id, UpAxis upAxis, String sha256) implements Writeable {

    /** Base64 of at most 64 MiB of mesh, as the ingest limit. */
    static final int MAX_BASE64 = 64 * 1024 * 1024 / 3 * 4 + 4;

    static QueryAsset parse(Object value) {
        if (value instanceof String s) {
            if (s.length() > MAX_BASE64) {
                throw new IllegalArgumentException("[query_asset] has " + s.length() + " base64 characters (about " + (s.length() / 4 * 3 >> 20)
                    + " MiB of mesh); a query takes at most 64 MiB");
            }
            return new QueryAsset(s, null, null, null, null);
        }
        if (value instanceof Map<?, ?> m && m.get("id") instanceof String id && m.get("index") instanceof String index
            && m.size() == 2) {
            return new QueryAsset(null, index, id, null, null);
        }
        if (value instanceof Map<?, ?> m && m.get("base64") instanceof String s && m.get("up_axis") instanceof String up
            && m.size() == 2) {
            QueryAsset bytes = parse(s);
            try {
                return new QueryAsset(bytes.base64(), null, null, UpAxis.parse(up), null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("[query_asset] " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("[query_asset] must be base64 of a mesh, {\"base64\": ..., \"up_axis\": \"y\" | \"z\"}"
            + " or {\"index\": ..., \"id\": ...}; got " + received(value));
    }

    /** What a refused {@code query_asset} held: the keys of its object, or its kind. */
    private static String received(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty() ? "an empty object" : "an object with keys " + new TreeSet<>(m.keySet().stream().map(String::valueOf).toList());
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    /** The same example with its bytes replaced by their digest: what is left once they are encoded. */
    QueryAsset digested() {
        if (base64 == null) {
            return this;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(base64.getBytes(StandardCharsets.US_ASCII));
            return new QueryAsset(null, null, null, upAxis, HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static QueryAsset read(StreamInput in) throws IOException {
        return new QueryAsset(in.readOptionalString(), in.readOptionalString(), in.readOptionalString(),
            in.readBoolean() ? in.readEnum(UpAxis.class) : null, in.readOptionalString());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeOptionalString(base64);
        out.writeOptionalString(index);
        out.writeOptionalString(id);
        out.writeBoolean(upAxis != null);
        if (upAxis != null) {
            out.writeEnum(upAxis);
        }
        out.writeOptionalString(sha256);
    }

    void toXContent(XContentBuilder b) throws IOException {
        if (base64 != null && upAxis != null) {
            b.startObject("query_asset").field("base64", base64).field("up_axis", upAxis.name().toLowerCase(Locale.ROOT)).endObject();
        } else if (base64 != null) {
            b.field("query_asset", base64);
        } else if (sha256 != null) {
            b.startObject("query_asset").field("sha256", sha256).endObject();
        } else {
            b.startObject("query_asset").field("index", index).field("id", id).endObject();
        }
    }
}
