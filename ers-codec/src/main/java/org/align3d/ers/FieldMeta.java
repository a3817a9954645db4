package org.align3d.ers;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;

/**
 * One field's entry in the {@code .ersm} file (layout in {@link ErsVectorsFormat}). Reading checks every
 * count and offset against hard limits, so a damaged file fails with {@link CorruptIndexException}
 * instead of allocating without bound.
 */
record FieldMeta(
    int fieldNumber,
    VectorEncoding encoding,
    VectorSimilarityFunction similarity,
    int dimension,
    int vectorCount,
    int bits,
    int leafCount,
    int innerCount,
    int graphDegree,
    int searchLeaves,
    int oversample,
    long indexOffset,
    long indexLength,
    long postingsOffset,
    long postingsLength) {

  /** Stored similarity numbers; fixed here so a reordering of Lucene's enum cannot change files. */
  static final List<VectorSimilarityFunction> SIMILARITIES =
      List.of(
          VectorSimilarityFunction.EUCLIDEAN,
          VectorSimilarityFunction.DOT_PRODUCT,
          VectorSimilarityFunction.COSINE,
          VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT);

  static final List<VectorEncoding> ENCODINGS = List.of(VectorEncoding.BYTE, VectorEncoding.FLOAT32);

  /** Upper bound on dimensions accepted from a file (Lucene's own limit is lower). */
  static final int MAX_DIMENSION = 1 << 16;

  boolean hasIndex() {
    return leafCount > 0;
  }

  int nodeCount() {
    return leafCount + innerCount;
  }

  void write(DataOutput out) throws IOException {
    out.writeInt(fieldNumber);
    out.writeInt(ENCODINGS.indexOf(encoding));
    out.writeInt(SIMILARITIES.indexOf(similarity));
    out.writeVInt(dimension);
    out.writeVInt(vectorCount);
    out.writeByte((byte) bits);
    out.writeVInt(leafCount);
    out.writeVInt(innerCount);
    out.writeVInt(graphDegree);
    out.writeVInt(searchLeaves);
    out.writeVInt(oversample);
    out.writeVLong(indexOffset);
    out.writeVLong(indexLength);
    out.writeVLong(postingsOffset);
    out.writeVLong(postingsLength);
  }

  /**
   * @param in the metadata input, positioned after the field number
   * @param maxDoc the segment's document count, which bounds the vector count
   * @param indexDataEnd where the .ersi file's data ends (its length less the codec footer)
   * @param postingsDataEnd where the .ersp file's data ends (its length less the codec footer)
   */
  static FieldMeta read(DataInput in, int fieldNumber, int maxDoc, long indexDataEnd, long postingsDataEnd)
      throws IOException {
    int encodingId = in.readInt();
    if (encodingId < 0 || encodingId >= ENCODINGS.size()) {
      throw new CorruptIndexException("invalid vector encoding " + encodingId + " for field " + fieldNumber, in);
    }
    int similarityId = in.readInt();
    if (similarityId < 0 || similarityId >= SIMILARITIES.size()) {
      throw new CorruptIndexException("invalid similarity " + similarityId + " for field " + fieldNumber, in);
    }
    int dimension = checked(in, "dimension", in.readVInt(), 1, MAX_DIMENSION);
    int vectorCount = checked(in, "vector count", in.readVInt(), 0, maxDoc);
    int bits = in.readByte();
    if (bits != 4 && bits != 8) {
      throw new CorruptIndexException("invalid bits " + bits + " for field " + fieldNumber, in);
    }
    int leafCount = checked(in, "leaf count", in.readVInt(), 0, vectorCount);
    // A tree whose leaves are children has at most one inner node per leaf (each has >= 1 child).
    int innerCount = checked(in, "inner node count", in.readVInt(), leafCount == 0 ? 0 : 1, leafCount);
    int graphDegree = checked(in, "graph degree", in.readVInt(), 0, ErsParameters.MAX_GRAPH_DEGREE);
    int searchLeaves = checked(in, "search leaves", in.readVInt(), 1, ErsParameters.MAX_SEARCH_LEAVES);
    int oversample = checked(in, "oversample", in.readVInt(), 1, ErsParameters.MAX_OVERSAMPLE);
    long indexOffset = in.readVLong();
    long indexLength = in.readVLong();
    long postingsOffset = in.readVLong();
    long postingsLength = in.readVLong();
    if (indexOffset < 0 || indexLength < 0 || indexOffset + indexLength > indexDataEnd) {
      throw new CorruptIndexException(
          "index block [" + indexOffset + ", +" + indexLength + ") of field " + fieldNumber + " outside the .ersi file", in);
    }
    if (postingsOffset < 0 || postingsLength < 0 || postingsOffset + postingsLength > postingsDataEnd) {
      throw new CorruptIndexException(
          "postings block [" + postingsOffset + ", +" + postingsLength + ") of field " + fieldNumber + " outside the .ersp file", in);
    }
    long centroidBytes = (long) (leafCount + innerCount) * dimension * Float.BYTES;
    if (leafCount > 0 && centroidBytes > indexLength) {
      throw new CorruptIndexException(
          "field " + fieldNumber + " claims " + (leafCount + innerCount) + " centroids but its index block has " + indexLength + " bytes", in);
    }
    return new FieldMeta(
        fieldNumber,
        ENCODINGS.get(encodingId),
        SIMILARITIES.get(similarityId),
        dimension,
        vectorCount,
        bits,
        leafCount,
        innerCount,
        graphDegree,
        searchLeaves,
        oversample,
        indexOffset,
        indexLength,
        postingsOffset,
        postingsLength);
  }

  static int checked(DataInput in, String what, int value, int min, int max) throws CorruptIndexException {
    if (value < min || value > max) {
      throw new CorruptIndexException(what + " " + value + " outside [" + min + ", " + max + "]", in);
    }
    return value;
  }

  static {
    assert KnnVectorsFormat.DEFAULT_MAX_DIMENSIONS <= MAX_DIMENSION;
  }
}
