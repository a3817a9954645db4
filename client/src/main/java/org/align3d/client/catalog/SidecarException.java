package org.align3d.client.catalog;

/** A sidecar that cannot be used; the message names the file and the problem. */
public final class SidecarException extends Exception {

    public SidecarException(String file, String problem) {
        super(file + ": " + problem);
    }
}
