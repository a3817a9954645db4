package org.align3d.ers.quant;

import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.quantization.OptimizedScalarQuantizer;
import org.apache.lucene.util.quantization.OptimizedScalarQuantizer.QuantizationResult;

/**
 * Scalar quantization of vectors relative to their leaf centroid, with per-vector corrections, at 4 or 8
 * bits per dimension. The quantization interval of each vector is chosen by Lucene's {@link
 * OptimizedScalarQuantizer} (a grid search that weighs error along the vector more than across it);
 * ERS stores the interval and reconstructs scores itself, so files do not depend on how a later Lucene
 * chooses intervals.
 *
 * <p>Codes: 8 bits are one unsigned byte per dimension; 4 bits are packed two per byte, byte {@code i}
 * holding dimension {@code i} in its high nibble and dimension {@code i + codeBytes} in its low nibble
 * (the layout {@link VectorUtil#int4DotProductSinglePacked} reads), dimensions past the end set to 0.
 *
 * <p>The query is quantized once per search, uncentred, at the same bits, so visiting a leaf costs one
 * centroid dot product and no re-quantization. Score estimate: with approximations {@code a + s*q} of the
 * document residual and of the query (a = lower, s = step), {@code <x-c, y> ~ D*a_x*a_y + a_x*s_y*sum(q_y) +
 * a_y*s_x*sum(q_x) + s_x*s_y*<q_x, q_y>}; then {@code <x, y> = <x-c, y> + <c, y>} and, for EUCLIDEAN,
 * {@code |x-y|^2 = |x|^2 + |y|^2 - 2<x, y>}. Estimates only rank candidates; final scores come from raw
 * vectors.
 */
public final class LeafQuantizer {
  private final int dimension;
  private final int bits;
  private final int codeBytes;
  private final int paddedDimension;
  private final boolean euclidean;
  private final float levels;
  private final OptimizedScalarQuantizer quantizer;
  private final float[] origin;

  public LeafQuantizer(int dimension, int bits, VectorSimilarityFunction similarity) {
    if (bits != 4 && bits != 8) {
      throw new IllegalArgumentException("ERS quantizes to 4 or 8 bits, not " + bits);
    }
    this.dimension = dimension;
    this.bits = bits;
    this.codeBytes = codeBytes(dimension, bits);
    this.paddedDimension = bits == 8 ? dimension : 2 * codeBytes;
    this.euclidean = similarity == VectorSimilarityFunction.EUCLIDEAN;
    this.levels = (1 << bits) - 1;
    // Always EUCLIDEAN mode: the corrections are computed here, and ERS feeds unit vectors itself.
    this.quantizer = new OptimizedScalarQuantizer(VectorSimilarityFunction.EUCLIDEAN);
    this.origin = new float[dimension];
  }

  public static int codeBytes(int dimension, int bits) {
    return bits == 8 ? dimension : (dimension + 1) / 2;
  }

  public int codeBytes() {
    return codeBytes;
  }

  public int bits() {
    return bits;
  }

  /** A buffer for {@link #encode}. */
  public Scratch newScratch() {
    return new Scratch(new float[dimension], new byte[paddedDimension]);
  }

  /** Reusable buffers; one per thread. */
  public record Scratch(float[] residual, byte[] unpacked) {}

  /**
   * Quantizes {@code vector} (unit length for COSINE) against {@code centroid} into {@code code}.
   */
  public VectorCorrections encode(float[] vector, float[] centroid, byte[] code, Scratch scratch) {
    float additional = VectorUtil.dotProduct(vector, vector);
    System.arraycopy(vector, 0, scratch.residual(), 0, dimension);
    byte[] unpacked = scratch.unpacked();
    QuantizationResult r = quantizer.scalarQuantize(scratch.residual(), unpacked, (byte) bits, centroid);
    if (bits == 8) {
      System.arraycopy(unpacked, 0, code, 0, dimension);
    } else {
      for (int d = dimension; d < paddedDimension; d++) {
        unpacked[d] = 0;
      }
      pack(unpacked, code);
    }
    return new VectorCorrections(r.lowerInterval(), r.upperInterval(), additional, r.quantizedComponentSum());
  }

  static void pack(byte[] unpacked, byte[] packed) {
    int half = packed.length;
    for (int i = 0; i < half; i++) {
      packed[i] = (byte) ((unpacked[i] << 4) | (unpacked[i + half] & 0x0F));
    }
  }

  /** Quantizes a query (unit length for COSINE) once for a whole search. */
  public QuantizedQuery quantizeQuery(float[] query) {
    float[] copy = query.clone();
    byte[] codes = new byte[paddedDimension];
    QuantizationResult r = quantizer.scalarQuantize(copy, codes, (byte) bits, origin);
    return new QuantizedQuery(codes, r.lowerInterval(), r.upperInterval(), r.quantizedComponentSum(), VectorUtil.dotProduct(query, query));
  }

  /**
   * Estimates the similarity of a stored vector to the query, larger is closer: the negated squared
   * distance for EUCLIDEAN, the inner product otherwise.
   *
   * @param centroidDot {@code <c, y>}: the inner product of the query with the vector's leaf centroid
   */
  public float estimate(QuantizedQuery q, float centroidDot, byte[] code, float lower, float upper, float additional, int componentSum) {
    int codeDot = bits == 8 ? VectorUtil.uint8DotProduct(q.codes(), code) : VectorUtil.int4DotProductSinglePacked(q.codes(), code);
    float stepX = (upper - lower) / levels;
    float stepY = (q.upper() - q.lower()) / levels;
    float residualDot =
        dimension * lower * q.lower()
            + lower * stepY * q.componentSum()
            + q.lower() * stepX * componentSum
            + stepX * stepY * codeDot;
    float dot = residualDot + centroidDot;
    return euclidean ? -(additional + q.squaredNorm() - 2f * dot) : dot;
  }
}
