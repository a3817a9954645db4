package org.align3d.client.target;

/** An existing index or pipeline that cannot take the catalog; the message names it and what is wrong. */
public final class TargetException extends Exception {

    public TargetException(String message) {
        super(message);
    }
}
