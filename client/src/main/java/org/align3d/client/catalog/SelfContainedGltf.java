package org.align3d.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code .gltf} file is sent inline, as bytes, so the node never sees the files next to it: every buffer must
 * be embedded as a {@code data:} URI. Files that refer to external buffers are refused before indexing, naming
 * the buffer, rather than failing on the node.
 */
final class SelfContainedGltf {

    private static final ObjectMapper JSON = new ObjectMapper();

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
