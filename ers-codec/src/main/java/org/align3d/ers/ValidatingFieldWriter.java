package org.align3d.ers;

import java.io.IOException;
import org.apache.lucene.codecs.KnnFieldVectorsWriter;
import org.apache.lucene.codecs.hnsw.FlatFieldVectorsWriter;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.VectorUtil;

/**
 * Buffers a field's vectors in the flat writer after refusing what ERS cannot index: a wrong dimension,
 * NaN or infinite components, and zero vectors under COSINE (which have no direction). Lucene's field
 * classes check some of this, but not every indexing path does (column batches do not), and a NaN inside
 * k-means would silently poison every centroid of the segment.
 */
final class ValidatingFieldWriter<T> extends KnnFieldVectorsWriter<T> {
  private final FieldInfo fieldInfo;
  private final FlatFieldVectorsWriter<T> flat;

  ValidatingFieldWriter(FieldInfo fieldInfo, FlatFieldVectorsWriter<T> flat) {
    this.fieldInfo = fieldInfo;
    this.flat = flat;
  }

  FieldInfo fieldInfo() {
    return fieldInfo;
  }

  FlatFieldVectorsWriter<T> flat() {
    return flat;
  }

  @Override
  public void addValue(int docID, T vectorValue) throws IOException {
    if (fieldInfo.getVectorEncoding() == VectorEncoding.FLOAT32) {
      validate(docID, (float[]) vectorValue);
    } else if (((byte[]) vectorValue).length != fieldInfo.getVectorDimension()) {
      throw wrongDimension(docID, ((byte[]) vectorValue).length);
    }
    flat.addValue(docID, vectorValue);
  }

  private void validate(int docID, float[] v) {
    if (v.length != fieldInfo.getVectorDimension()) {
      throw wrongDimension(docID, v.length);
    }
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new IllegalArgumentException(
            "ERS field [" + fieldInfo.name + "], document " + docID + ": component " + i + " is " + v[i]
                + "; vectors must be finite");
      }
    }
    if (fieldInfo.getVectorSimilarityFunction() == VectorSimilarityFunction.COSINE && VectorUtil.isZeroVector(v)) {
      throw new IllegalArgumentException(
          "ERS field [" + fieldInfo.name + "], document " + docID + ": zero vector under COSINE similarity has no direction");
    }
  }

  private IllegalArgumentException wrongDimension(int docID, int length) {
    return new IllegalArgumentException(
        "ERS field [" + fieldInfo.name + "], document " + docID + ": vector has " + length + " dimensions, the field has "
            + fieldInfo.getVectorDimension());
  }

  @Override
  public T copyValue(T vectorValue) {
    return flat.copyValue(vectorValue);
  }

  @Override
  public long ramBytesUsed() {
    return flat.ramBytesUsed();
  }
}
