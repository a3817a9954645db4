package org.align3d.client.bulk;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.Test;

public class BulkRequestBodyTest {

    @Test
    public void writesActionAndSourceLinesWithBase64Assets() throws Exception {
        byte[] asset = new byte[1000];
        for (int i = 0; i < asset.length; i++) {
            asset[i] = (byte) (i * 31);
        }
        List<AssetDocument> docs = List.of(
                new AssetDocument("chairs/a \"b\".glb", "Chair \"A\"", List.of("chair", "office"), "a chair\nwith arms",
                        "chairs/a \"b\".glb", "glb", asset),
                new AssetDocument("x.obj", "x", List.of(), null, "x.obj", "obj", new byte[] {1}));
        byte[] body = BulkRequestBody.of(docs);
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"));
        String[] lines = text.split("\n");
        assertEquals(4, lines.length);
        ObjectMapper json = new ObjectMapper();
        assertEquals("chairs/a \"b\".glb", json.readTree(lines[0]).at("/index/_id").asText());
        JsonNode source = json.readTree(lines[1]);
        assertEquals("Chair \"A\"", source.get("name").asText());
        assertEquals("a chair\nwith arms", source.get("description").asText());
        assertEquals("office", source.get("tags").get(1).asText());
        assertEquals("glb", source.get("format").asText());
        assertArrayEquals(asset, Base64.getDecoder().decode(source.get("asset").asText()));
        assertFalse(json.readTree(lines[3]).has("description"));
        assertTrue(body.length <= BulkBatcher.requestBytes(1000) + BulkBatcher.requestBytes(1));
    }
}
