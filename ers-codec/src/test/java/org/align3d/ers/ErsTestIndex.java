package org.align3d.ers;

import java.io.IOException;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.TestUtil;
import org.apache.lucene.util.VectorUtil;

/** Shared fixtures: data sets, an ERS index writer configuration, ground truth. */
final class ErsTestIndex {
  static final String FIELD = "v";

  private ErsTestIndex() {}

  /** {@code clusters} Gaussian blobs with unit-variance centres and spread {@code sigma}. */
  static float[][] clustered(Random random, int n, int dims, int clusters, float sigma) {
    float[][] centres = new float[clusters][dims];
    for (float[] c : centres) {
      for (int d = 0; d < dims; d++) {
        c[d] = (float) random.nextGaussian();
      }
    }
    float[][] v = new float[n][dims];
    for (float[] row : v) {
      float[] c = centres[random.nextInt(clusters)];
      for (int d = 0; d < dims; d++) {
        row[d] = c[d] + sigma * (float) random.nextGaussian();
      }
    }
    return v;
  }

  static float[][] uniform(Random random, int n, int dims) {
    float[][] v = new float[n][dims];
    for (float[] row : v) {
      for (int d = 0; d < dims; d++) {
        row[d] = random.nextFloat() * 2 - 1;
      }
    }
    return v;
  }

  static float[][] normalized(float[][] vectors) {
    float[][] out = new float[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      out[i] = VectorUtil.l2normalize(vectors[i].clone());
    }
    return out;
  }

  static IndexWriterConfig config(ErsParameters parameters) {
    Codec codec = TestUtil.alwaysKnnVectorsFormat(new ErsVectorsFormat(parameters));
    LogDocMergePolicy policy = new LogDocMergePolicy();
    policy.setNoCFSRatio(0); // separate files, so tests can find and damage each one
    return new IndexWriterConfig()
        .setCodec(codec)
        .setMergeScheduler(new SerialMergeScheduler())
        .setMergePolicy(policy)
        .setUseCompoundFile(false);
  }

  /** Adds documents with an "id" (stored string and doc value) and the vector; commits every {@code perSegment}. */
  static void index(IndexWriter writer, float[][] vectors, VectorSimilarityFunction similarity, int perSegment) throws IOException {
    for (int i = 0; i < vectors.length; i++) {
      Document doc = new Document();
      doc.add(new StringField("id", Integer.toString(i), Field.Store.YES));
      doc.add(new NumericDocValuesField("id", i));
      doc.add(new StringField("mod", Integer.toString(i % 100), Field.Store.NO));
      doc.add(new KnnFloatVectorField(FIELD, vectors[i], similarity));
      writer.addDocument(doc);
      if ((i + 1) % perSegment == 0) {
        writer.commit();
      }
    }
    writer.commit();
  }

  static void index(Directory dir, ErsParameters p, float[][] vectors, VectorSimilarityFunction similarity) throws IOException {
    try (IndexWriter writer = new IndexWriter(dir, config(p))) {
      index(writer, vectors, similarity, Integer.MAX_VALUE);
      writer.forceMerge(1);
    }
  }

  /** The ERS reader behind a segment reader. */
  static ErsVectorsReader ersReader(LeafReader leaf) {
    KnnVectorsReader reader = ((CodecReader) leaf).getVectorReader();
    if (reader instanceof PerFieldKnnVectorsFormat.FieldsReader perField) {
      reader = perField.getFieldReader(FIELD);
    }
    return (ErsVectorsReader) reader;
  }

  /** Ids of the k most similar vectors among those {@code accept} admits, best first. */
  static int[] exactTopK(float[][] vectors, float[] query, VectorSimilarityFunction similarity, int k, java.util.function.IntPredicate accept) {
    org.apache.lucene.util.hnsw.NeighborQueue top = new org.apache.lucene.util.hnsw.NeighborQueue(k, false);
    for (int i = 0; i < vectors.length; i++) {
      if (accept.test(i)) {
        top.insertWithOverflow(i, similarity.compare(query, vectors[i]));
      }
    }
    int[] ids = new int[top.size()];
    for (int i = ids.length - 1; i >= 0; i--) {
      ids[i] = top.pop();
    }
    return ids;
  }
}
