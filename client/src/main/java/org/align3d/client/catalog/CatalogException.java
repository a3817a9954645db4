package org.align3d.client.catalog;

/** The catalog as a whole cannot be walked (missing folder, too many files); the message says which and why. */
public final class CatalogException extends Exception {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
