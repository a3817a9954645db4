package org.align3d.ers.quant;

/**
 * A query quantized for a whole search (uncentred), with what {@link LeafQuantizer#estimate} needs.
 *
 * @param codes one unpacked code per dimension (padded with 0 to an even length for 4 bits)
 * @param lower lower end of the query's interval
 * @param upper upper end of the query's interval
 * @param componentSum sum of the codes
 * @param squaredNorm {@code |y|^2}
 */
public record QuantizedQuery(byte[] codes, float lower, float upper, int componentSum, float squaredNorm) {}
