package org.align3d.client.cli;

/** A bad command line; the message names the flag and what is wrong. Tools print it with the usage, exit 2. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
