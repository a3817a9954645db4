package org.align3d.client.bulk;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The NDJSON body of a bulk request: per document an action line {@code {"index": {"_id": ID}}} and the source
 * {@code {"name", "tags", "description", "file", "format", "asset": base64}}.
 */
public final class BulkRequestBody {

    private static final JsonFactory JSON = new JsonFactory();

    private BulkRequestBody() {
    }

    public static byte[] of(List<AssetDocument> docs) {
        long expected = 0;
        for (AssetDocument d : docs) {
            expected += BulkBatcher.requestBytes(d.asset().length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, expected + 1024));
        try {
            for (AssetDocument d : docs) {
                try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                    g.writeStartObject();
                    g.writeObjectFieldStart("index");
                    g.writeStringField("_id", d.id());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                out.write('\n');
                try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                    g.writeStartObject();
                    g.writeStringField("name", d.name());
                    g.writeArrayFieldStart("tags");
                    for (String t : d.tags()) {
                        g.writeString(t);
                    }
                    g.writeEndArray();
                    if (d.description() != null) {
                        g.writeStringField("description", d.description());
                    }
                    g.writeStringField("file", d.file());
                    g.writeStringField("format", d.format());
                    g.writeFieldName("asset");
                    g.writeBinary(d.asset());
                    g.writeEndObject();
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
