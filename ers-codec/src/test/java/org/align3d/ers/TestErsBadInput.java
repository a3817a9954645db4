package org.align3d.ers;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;

/**
 * Vectors ERS cannot index are refused with a message naming the field and the document. Lucene's field
 * class checks some of this at construction; these fields carry their bad value past it, as indexing paths
 * that do not use the field class (column batches) do.
 */
public class TestErsBadInput extends LuceneTestCase {

  public void testNaNInfinityZeroCosineAndWrongDimensionAreRefused() throws IOException {
    assertRefused(VectorSimilarityFunction.EUCLIDEAN, new float[] {1, Float.NaN, 3, 4}, "component 1 is NaN");
    assertRefused(VectorSimilarityFunction.DOT_PRODUCT, new float[] {Float.POSITIVE_INFINITY, 0, 0, 0}, "component 0 is Infinity");
    assertRefused(VectorSimilarityFunction.COSINE, new float[] {0, 0, 0, 0}, "zero vector under COSINE");
    assertRefused(VectorSimilarityFunction.EUCLIDEAN, new float[] {1, 2, 3}, "vector has 3 dimensions, the field has 4");
  }

  public void testZeroVectorIsFineUnderEuclidean() throws IOException {
    try (Directory dir = newDirectory();
        IndexWriter writer = new IndexWriter(dir, ErsTestIndex.config(ErsParameters.DEFAULTS))) {
      writer.addDocument(docWith(VectorSimilarityFunction.EUCLIDEAN, new float[] {0, 0, 0, 0}));
      writer.commit();
    }
  }

  private static void assertRefused(VectorSimilarityFunction similarity, float[] bad, String expected) throws IOException {
    try (Directory dir = newDirectory();
        IndexWriter writer = new IndexWriter(dir, ErsTestIndex.config(ErsParameters.DEFAULTS))) {
      writer.addDocument(docWith(similarity, new float[] {1, 2, 3, 4})); // document 0 is fine
      IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> writer.addDocument(docWith(similarity, bad)));
      assertTrue(e.getMessage(), e.getMessage().contains("field [" + ErsTestIndex.FIELD + "]"));
      assertTrue(e.getMessage(), e.getMessage().contains("document 1"));
      assertTrue(e.getMessage(), e.getMessage().contains(expected));
    }
  }

  /** A vector field whose value is replaced after the field class validated a good one. */
  private static Document docWith(VectorSimilarityFunction similarity, float[] value) {
    KnnFloatVectorField field =
        new KnnFloatVectorField(ErsTestIndex.FIELD, new float[] {1, 1, 1, 1}, similarity) {
          {
            fieldsData = value;
          }
        };
    Document doc = new Document();
    doc.add(field);
    return doc;
  }

  public void testParametersAreValidated() {
    expectThrows(IllegalArgumentException.class, () -> new ErsParameters(1, 64, 1.25f, 8, 12, 32, 5));
    expectThrows(IllegalArgumentException.class, () -> new ErsParameters(256, 1, 1.25f, 8, 12, 32, 5));
    expectThrows(IllegalArgumentException.class, () -> new ErsParameters(256, 64, 0.5f, 8, 12, 32, 5));
    expectThrows(IllegalArgumentException.class, () -> new ErsParameters(256, 64, Float.NaN, 8, 12, 32, 5));
    IllegalArgumentException bits = expectThrows(IllegalArgumentException.class, () -> new ErsParameters(256, 64, 1.25f, 2, 12, 32, 5));
    assertTrue(bits.getMessage().contains("bits"));
    expectThrows(IllegalArgumentException.class, () -> new ErsParameters(256, 64, 1.25f, 8, -1, 32, 5));
    expectThrows(IllegalArgumentException.class, () -> new ErsParameters(256, 64, 1.25f, 8, 12, 0, 5));
    expectThrows(IllegalArgumentException.class, () -> new ErsSearchStrategy(0));
    assertEquals(new ErsSearchStrategy(7), new ErsSearchStrategy(7));
    assertNotEquals(new ErsSearchStrategy(7), new ErsSearchStrategy(8));
  }
}
