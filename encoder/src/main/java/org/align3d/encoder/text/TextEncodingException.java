package org.align3d.encoder.text;

/** The text model could not be loaded or could not encode a text. */
public class TextEncodingException extends RuntimeException {
    public TextEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
