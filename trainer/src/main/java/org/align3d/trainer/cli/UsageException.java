package org.align3d.trainer.cli;

/** A bad command line: the tool prints the message and its usage and exits with status 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
