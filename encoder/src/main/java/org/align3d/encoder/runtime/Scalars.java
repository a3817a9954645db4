package org.align3d.encoder.runtime;

import ai.djl.ndarray.NDArray;

/**
 * Multiplying and dividing a tensor by a constant in code that autograd differentiates.
 *
 * <p>DJL's PyTorch engine implements {@code x.mul(2f)} and {@code x.div(2f)} by wrapping the constant in a tensor
 * over a Java direct buffer (PyTorch reads it in place), applying the operation and closing that tensor at once.
 * PyTorch's backward of mul and div reads the constant again. If the garbage collector runs between forward and
 * backward, the buffer is freed and its memory reused, and the gradient is scaled by whatever was written there:
 * garbage, sometimes huge or NaN, depending on when the collector ran. Training runs with that were neither
 * correct nor reproducible. Here the constant stays attached to the tensor's own manager, so it lives as long as the
 * step's other tensors (in training, until the batch's manager closes after the weights are updated).
 *
 * <p>{@code add} and {@code sub} of a constant are safe with DJL's overloads: their backward does not read it.
 */
public final class Scalars {

    private Scalars() {}

    /** {@code x * c}, with {@code c} kept alive for backward. */
    public static NDArray mul(NDArray x, float c) {
        return x.mul(x.getManager().create(c));
    }

    /** {@code x / c}, with {@code c} kept alive for backward. */
    public static NDArray div(NDArray x, float c) {
        return x.div(x.getManager().create(c));
    }
}
