package org.align3d.ers;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.hnsw.FlatVectorScorerUtil;
import org.apache.lucene.codecs.hnsw.FlatVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99FlatVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * ERS (Efficient Retrieval Strategy), version 1.0 of the format: float vectors indexed in a hierarchy of
 * balanced k-means clusters whose leaves hold quantized vectors, with a navigation graph between
 * neighbouring leaves. Search descends the hierarchy best-first, scores the members of the best leaves on
 * their quantized codes, and rescores the best candidates on the raw vectors.
 *
 * <p>Raw vectors are stored by {@link Lucene99FlatVectorsFormat} (files {@code .vec}, {@code .vemf}); they
 * serve exact rescoring, {@code getFloatVectorValues} and merges. Byte-vector fields are stored only
 * there and searched exactly (every accepted vector scored): ERS's clustering and quantization are for
 * float embeddings; byte fields are small or already quantized by their producer.
 *
 * <p>ERS adds three files per segment. All integers are little-endian; {@code vint}/{@code vlong} are
 * Lucene's variable-length encodings; every file starts with {@link
 * org.apache.lucene.codecs.CodecUtil#writeIndexHeader an index header} (codec name, version, segment id
 * and suffix) and ends with {@link org.apache.lucene.codecs.CodecUtil#writeFooter a checksum footer}.
 *
 * <h2>.ersm (metadata, codec {@value #META_CODEC_NAME}), read whole and checksummed at open</h2>
 *
 * For each field, then {@code int32 -1}:
 *
 * <ul>
 *   <li><b>int32</b> field number
 *   <li><b>int32</b> vector encoding (0 BYTE, 1 FLOAT32)
 *   <li><b>int32</b> similarity (0 EUCLIDEAN, 1 DOT_PRODUCT, 2 COSINE, 3 MAXIMUM_INNER_PRODUCT)
 *   <li><b>vint</b> dimension, <b>vint</b> number of vectors
 *   <li><b>byte</b> bits per quantized dimension (4 or 8)
 *   <li><b>vint</b> leaf count L (0: no index, the field is searched exactly), <b>vint</b> inner node
 *       count I, <b>vint</b> graph degree G
 *   <li><b>vint</b> default leaves a query visits, <b>vint</b> default oversampling (see {@link
 *       ErsParameters})
 *   <li><b>vlong</b> offset and <b>vlong</b> length of the field's block in .ersi; the same two for .ersp
 * </ul>
 *
 * <h2>.ersi (index, codec {@value #INDEX_CODEC_NAME}), loaded on the heap and checksummed at open</h2>
 *
 * For each field with L &gt; 0, at its offset; nodes are numbered leaves first ({@code 0..L-1}), then
 * inner nodes ({@code L..L+I-1}), the root last; every child number is smaller than its parent's:
 *
 * <ul>
 *   <li><b>float32[(L+I) * dimension]</b> node centroids (COSINE fields: of unit vectors)
 *   <li>for each inner node: <b>vint</b> child count, <b>vint[]</b> child node numbers
 *   <li><b>float32[I]</b> inner node spread: mean squared distance of its children's centroids to its own
 *   <li><b>vint[L]</b> entries per leaf (own vectors plus spilled copies)
 *   <li><b>vint[L * G]</b> navigation graph: the G nearest leaves of each leaf, nearest first, each stored
 *       plus one (0 pads a leaf with fewer neighbours)
 * </ul>
 *
 * <h2>.ersp (leaf postings, codec {@value #POSTINGS_CODEC_NAME}), read off-heap at search time</h2>
 *
 * For each field, at its offset, one block per leaf in leaf order; a block of n entries with B code bytes
 * per vector (B = dimension for 8 bits, ceil(dimension / 2) for 4 bits) is {@code n * (20 + B)} bytes:
 *
 * <ul>
 *   <li><b>int32[n]</b> vector ordinals (own vectors ascending, then spilled copies ascending)
 *   <li><b>float32[n]</b> lower interval, <b>float32[n]</b> upper interval, <b>float32[n]</b> squared
 *       norm {@code |x|^2}, <b>int32[n]</b> code sum (see
 *       {@link org.apache.lucene.util.quantization.OptimizedScalarQuantizer} and {@code
 *       org.align3d.ers.quant.LeafQuantizer})
 *   <li><b>byte[n * B]</b> codes of the residuals {@code x - c} to the leaf centroid
 * </ul>
 *
 * <p>Segments written with this format need this module on the classpath to be read again.
 */
public final class ErsVectorsFormat extends KnnVectorsFormat {
  /** SPI name; a new file layout gets a new name and this one moves to a backward-compatibility place. */
  public static final String NAME = "Ers10";

  static final String META_CODEC_NAME = "Ers10Meta";
  static final String INDEX_CODEC_NAME = "Ers10Index";
  static final String POSTINGS_CODEC_NAME = "Ers10Postings";
  static final String META_EXTENSION = "ersm";
  static final String INDEX_EXTENSION = "ersi";
  static final String POSTINGS_EXTENSION = "ersp";

  static final int VERSION_START = 0;
  static final int VERSION_CURRENT = VERSION_START;

  private final ErsParameters parameters;
  private final FlatVectorsFormat flatVectorsFormat =
      new Lucene99FlatVectorsFormat(FlatVectorScorerUtil.getLucene99FlatVectorsScorer());

  /** The format with {@link ErsParameters#DEFAULTS}; used by SPI when segments are read. */
  public ErsVectorsFormat() {
    this(ErsParameters.DEFAULTS);
  }

  public ErsVectorsFormat(ErsParameters parameters) {
    super(NAME);
    this.parameters = java.util.Objects.requireNonNull(parameters, "parameters");
  }

  public ErsParameters parameters() {
    return parameters;
  }

  @Override
  public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
    return new ErsVectorsWriter(state, parameters, flatVectorsFormat);
  }

  @Override
  public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
    return new ErsVectorsReader(state, flatVectorsFormat.fieldsReader(state));
  }

  @Override
  public int getMaxDimensions(String fieldName) {
    return DEFAULT_MAX_DIMENSIONS;
  }

  @Override
  public String toString() {
    return NAME + "(" + parameters + ", flat=" + flatVectorsFormat + ")";
  }
}
