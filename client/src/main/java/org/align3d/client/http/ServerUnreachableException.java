package org.align3d.client.http;

import java.io.IOException;
import java.net.URI;

/** Nothing answers at the node's address (refused, unknown host, timed out). */
public final class ServerUnreachableException extends IOException {

    public ServerUnreachableException(URI base, Throwable cause) {
        super("cannot reach OpenSearch at " + base + " (" + describe(cause) + "); is the node running? start one with ./align3d serve",
                cause);
    }

    private static String describe(Throwable cause) {
        String m = cause.getMessage();
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
