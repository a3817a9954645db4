package org.align3d.ingest;

/** An asset field's value cannot be turned into mesh bytes; the message names the field and the problem. */
public final class AssetException extends Exception {
    public AssetException(String message) {
        super(message);
    }
}
