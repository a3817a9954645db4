package org.align3d.encoder.runtime;

/** The deep learning engine could not start, or cannot run on the device the operator asked for. */
public class EngineStartException extends RuntimeException {
    public EngineStartException(String message) {
        super(message);
    }

    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
