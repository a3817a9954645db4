package org.align3d.ers.quant;

/**
 * The scalars stored beside each quantized vector, from which a score against a quantized query is
 * reconstructed. The vector's residual {@code x - c} to its leaf centroid is approximated per component by
 * {@code lower + code * (upper - lower) / (2^bits - 1)}.
 *
 * @param lower the lower end of the quantization interval
 * @param upper the upper end of the quantization interval
 * @param additional {@code |x|^2}, the vector's squared norm
 * @param componentSum the sum of the codes
 */
public record VectorCorrections(float lower, float upper, float additional, int componentSum) {}
