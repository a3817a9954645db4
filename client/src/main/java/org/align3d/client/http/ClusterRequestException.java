package org.align3d.client.http;

import java.io.IOException;

/** The node answered a request with an error status; the message has the request, the status and its reason. */
public final class ClusterRequestException extends IOException {

    private final int status;

    public ClusterRequestException(String method, String path, int status, String reason) {
        super(method + " " + path + " failed with HTTP " + status + ": " + reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
