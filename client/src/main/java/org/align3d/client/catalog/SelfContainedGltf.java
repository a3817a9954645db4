package org.align3d.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code .gltf} file is sent inline, as bytes, so the node never sees the files next to it: every buffer must
 * be embedded as a {@code data:} URI. Files that refer to external buffers are refused before indexing, naming
 * the buffer, rather than failing on the node.
 */
final class SelfContainedGltf {

    /** A buffer in a data URI may be as large as an asset file may be (Jackson's default caps strings near 15 MB). */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 30).build()).build());

    private SelfContainedGltf() {
    }

    static void check(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("glTF file is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode buffers = root == null ? null : root.get("buffers");
        if (buffers == null || !buffers.isArray()) {
            return; // no geometry to fetch; the node's reader reports what is missing
        }
        for (int i = 0; i < buffers.size(); i++) {
            JsonNode uri = buffers.get(i).get("uri");
            if (uri == null || !uri.asText().startsWith("data:")) {
                throw new IOException("glTF buffers[" + i + "] " + (uri == null ? "has no uri" : "refers to the external file '"
                        + uri.asText() + "'") + "; only self-contained glTF (buffers as data: URIs) or GLB can be indexed");
            }
        }
    }
}
