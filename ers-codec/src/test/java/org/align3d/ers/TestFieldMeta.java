package org.align3d.ers;

import java.io.IOException;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.tests.util.LuceneTestCase;

/** A field's .ersm entry reads back, and blocks must lie in the data of their files (not in the codec footer). */
public class TestFieldMeta extends LuceneTestCase {

  private static final FieldMeta ENTRY = new FieldMeta(3, VectorEncoding.FLOAT32, VectorSimilarityFunction.COSINE, 4, 100, 8,
      10, 4, 6, 16, 5, 64, 800, 100, 50);

  private static FieldMeta read(long indexDataEnd, long postingsDataEnd) throws IOException {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    ENTRY.write(out);
    ByteArrayDataInput in = new ByteArrayDataInput(out.toArrayCopy());
    assertEquals(3, in.readInt()); // the field number, read by the caller
    return FieldMeta.read(in, 3, 1000, indexDataEnd, postingsDataEnd);
  }

  public void testReadsBackWhatWasWritten() throws IOException {
    assertEquals(ENTRY, read(864, 150));
  }

  public void testABlockReachingPastItsFilesDataIsCorrupt() {
    CorruptIndexException postings = expectThrows(CorruptIndexException.class, () -> read(864, 149));
    assertTrue(postings.getMessage(), postings.getMessage().contains("postings block [100, +50) of field 3 outside the .ersp file"));
    CorruptIndexException index = expectThrows(CorruptIndexException.class, () -> read(863, 150));
    assertTrue(index.getMessage(), index.getMessage().contains("index block [64, +800) of field 3 outside the .ersi file"));
  }
}
