package org.align3d.json;

/**
 * JSON that is malformed or lacks what its reader needs. The message names the path inside the document
 * ({@code accessors[2].count}); callers add the file or line.
 */
public class JsonFormatException extends Exception {

    public JsonFormatException(String message) {
        super(message);
    }

    public JsonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
