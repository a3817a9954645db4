package org.align3d.client.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Words for an OpenSearch error object: its type and reason, with the deepest cause's reason when it adds one. */
public final class ErrorReasons {

    private ErrorReasons() {
    }

    public static String of(JsonNode error) {
        if (error.isTextual()) {
            return error.asText();
        }
        String reason = error.path("reason").asText(error.path("type").asText("unknown error"));
        JsonNode cause = error.path("caused_by");
        String deepest = null;
        for (int depth = 0; cause.isObject() && depth < 16; depth++) {
            deepest = cause.path("reason").asText(null);
            cause = cause.path("caused_by");
        }
        if (deepest != null && !reason.contains(deepest)) {
            reason = reason + ": " + deepest;
        }
        return reason;
    }
}
