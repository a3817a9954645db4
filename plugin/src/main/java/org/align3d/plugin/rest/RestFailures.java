package org.align3d.plugin.rest;

import java.io.IOException;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestChannel;

/** Sends a failure as OpenSearch's usual error body (status from the exception: 400 for bad input, 404 unknown model). */
final class RestFailures {

    private RestFailures() {}

    static void send(RestChannel channel, Exception e) {
        try {
            channel.sendResponse(new BytesRestResponse(channel, e));
        } catch (IOException io) {
            e.addSuppressed(io);
            throw new IllegalStateException("could not send the failure of an align3d request", e);
        }
    }
}
