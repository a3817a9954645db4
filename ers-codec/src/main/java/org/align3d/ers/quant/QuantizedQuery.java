package org.align3d.ers.quant;

/**
 * A query quantized against one leaf centroid, with what {@link LeafQuantizer#estimate} needs.
 *
 * @param codes one unpacked code per dimension (padded with 0 to an even length for 4 bits)
 * @param lower lower end of the query's interval
 * @param upper upper end of the query's interval
 * @param componentSum sum of the codes
 * @param centered {@code |y - c|^2} for EUCLIDEAN fields, {@code <y, c> - |c|^2} for inner products
 */
public record QuantizedQuery(byte[] codes, float lower, float upper, int componentSum, float centered) {}
