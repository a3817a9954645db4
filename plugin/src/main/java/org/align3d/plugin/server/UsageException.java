package org.align3d.plugin.server;

/** The command line was wrong; the server prints the message (if any) and its usage, and exits with status 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
