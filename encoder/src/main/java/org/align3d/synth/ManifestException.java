package org.align3d.synth;

/** A manifest that cannot be used: the message names the file, the line and the problem. */
public class ManifestException extends Exception {

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
