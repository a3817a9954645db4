package org.align3d.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A node's answer.
 *
 * @param status HTTP status
 * @param body   the body (bounded by {@link ClusterClient#MAX_RESPONSE_BYTES})
 */
public record ClusterResponse(int status, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() throws IOException {
        return body.length == 0 ? JSON.missingNode() : JSON.readTree(body);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** OpenSearch's {@code error.reason} (with the root cause's when it differs), else the body. */
    public String errorReason() {
        try {
            JsonNode error = json().path("error");
            if (error.isObject()) {
                return ErrorReasons.of(error);
            }
        } catch (IOException e) {
            // not JSON: the text says it
        }
        String t = text();
        return t.length() <= 500 ? t : t.substring(0, 500) + "...";
    }
}
