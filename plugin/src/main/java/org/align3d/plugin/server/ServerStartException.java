package org.align3d.plugin.server;

/** The server cannot start for a reason the user can act on; its message is printed as one line. */
public final class ServerStartException extends RuntimeException {
    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
