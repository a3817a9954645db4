package org.align3d.ers;

import java.io.IOException;
import org.align3d.ers.cluster.ClusterTree;
import org.align3d.ers.cluster.NavigationGraph;
import org.align3d.ers.cluster.VectorSet;
import org.align3d.ers.quant.LeafQuantizer;
import org.align3d.ers.quant.VectorCorrections;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.store.IndexOutput;

/** Writes one field's ERS structure to the .ersi and .ersp files (layout in {@link ErsVectorsFormat}). */
final class ErsIndexWriter {
  private ErsIndexWriter() {}

  /** The metadata entry of a field that has no ERS index (byte vectors, or no vectors). */
  static FieldMeta writeWithoutIndex(FieldInfo info, int vectorCount, ErsParameters p, IndexOutput index, IndexOutput postings) {
    return new FieldMeta(
        info.number,
        info.getVectorEncoding(),
        info.getVectorSimilarityFunction(),
        info.getVectorDimension(),
        vectorCount,
        p.bits(),
        0,
        0,
        p.graphDegree(),
        p.searchLeaves(),
        p.oversample(),
        index.getFilePointer(),
        0,
        postings.getFilePointer(),
        0);
  }

  /**
   * @param vectors the field's vectors as the structure was built from them (unit length for COSINE)
   */
  static FieldMeta write(
      FieldInfo info,
      VectorSet vectors,
      ErsIndexBuilder.Structure structure,
      ErsParameters p,
      IndexOutput index,
      IndexOutput postings)
      throws IOException {
    assert info.getVectorEncoding() == VectorEncoding.FLOAT32;
    ClusterTree tree = structure.tree();
    NavigationGraph graph = structure.graph();
    int dim = info.getVectorDimension();

    long indexOffset = index.getFilePointer();
    for (float[] centroid : tree.centroids()) {
      writeFloats(index, centroid, centroid.length);
    }
    for (int[] kids : tree.children()) {
      index.writeVInt(kids.length);
      for (int kid : kids) {
        index.writeVInt(kid);
      }
    }
    writeFloats(index, tree.spread(), tree.spread().length);
    for (int leaf = 0; leaf < tree.leafCount(); leaf++) {
      index.writeVInt(tree.members()[leaf].length + structure.spilled()[leaf].length);
    }
    for (int n : graph.neighbors()) {
      index.writeVInt(n + 1);
    }
    long indexLength = index.getFilePointer() - indexOffset;

    long postingsOffset = postings.getFilePointer();
    LeafQuantizer quantizer = new LeafQuantizer(dim, p.bits(), info.getVectorSimilarityFunction());
    LeafQuantizer.Scratch scratch = quantizer.newScratch();
    for (int leaf = 0; leaf < tree.leafCount(); leaf++) {
      writeLeaf(postings, vectors, tree.centroids()[leaf], tree.members()[leaf], structure.spilled()[leaf], quantizer, scratch);
    }
    long postingsLength = postings.getFilePointer() - postingsOffset;

    return new FieldMeta(
        info.number,
        VectorEncoding.FLOAT32,
        info.getVectorSimilarityFunction(),
        dim,
        vectors.size(),
        p.bits(),
        tree.leafCount(),
        tree.innerCount(),
        graph.degree(),
        p.searchLeaves(),
        p.oversample(),
        indexOffset,
        indexLength,
        postingsOffset,
        postingsLength);
  }

  private static void writeLeaf(
      IndexOutput out,
      VectorSet vectors,
      float[] centroid,
      int[] own,
      int[] spilled,
      LeafQuantizer quantizer,
      LeafQuantizer.Scratch scratch)
      throws IOException {
    int n = own.length + spilled.length;
    int codeBytes = quantizer.codeBytes();
    float[] lower = new float[n];
    float[] upper = new float[n];
    float[] additional = new float[n];
    int[] sums = new int[n];
    byte[] codes = new byte[n * codeBytes];
    byte[] code = new byte[codeBytes];
    for (int i = 0; i < n; i++) {
      int ord = i < own.length ? own[i] : spilled[i - own.length];
      out.writeInt(ord);
      VectorCorrections c = quantizer.encode(vectors.vector(ord), centroid, code, scratch);
      lower[i] = c.lower();
      upper[i] = c.upper();
      additional[i] = c.additional();
      sums[i] = c.componentSum();
      System.arraycopy(code, 0, codes, i * codeBytes, codeBytes);
    }
    writeFloats(out, lower, n);
    writeFloats(out, upper, n);
    writeFloats(out, additional, n);
    for (int i = 0; i < n; i++) {
      out.writeInt(sums[i]);
    }
    out.writeBytes(codes, codes.length);
  }

  private static void writeFloats(IndexOutput out, float[] values, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      out.writeInt(Float.floatToIntBits(values[i]));
    }
  }
}
