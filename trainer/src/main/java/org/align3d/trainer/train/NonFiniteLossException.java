package org.align3d.trainer.train;

/** The loss became NaN or infinite: training stops, and the last checkpoint written stays the last good one. */
public final class NonFiniteLossException extends RuntimeException {
    public NonFiniteLossException(String message) {
        super(message);
    }
}
