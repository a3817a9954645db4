package org.align3d.encoder.bundle;

/** A model bundle cannot be used: a file is missing or altered, or it was made for another format version. */
public class BundleException extends Exception {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
