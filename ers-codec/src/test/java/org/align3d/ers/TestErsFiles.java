package org.align3d.ers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.align3d.ers.quant.LeafQuantizer;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.tests.store.BaseDirectoryWrapper;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.apache.lucene.util.VectorUtil;

/** Everything ERS writes is read back and checked; damage to any of its files is refused. */
public class TestErsFiles extends LuceneTestCase {
  private static final ErsParameters P = new ErsParameters(32, 6, 1.3f, 8, 6, 8, 4);

  public void testEveryFileReadsBackConsistent() throws IOException {
    for (int bits : new int[] {4, 8}) {
      ErsParameters p = new ErsParameters(32, 6, 1.3f, bits, 6, 8, 4);
      float[][] vectors = ErsTestIndex.clustered(random(), 2000, 15, 12, 0.5f); // odd dimension: 4-bit padding
      try (Directory dir = newFSDirectory(createTempDir())) {
        ErsTestIndex.index(dir, p, vectors, VectorSimilarityFunction.EUCLIDEAN);
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          LeafReader leaf = getOnlyLeafReader(reader);
          ErsVectorsReader ers = ErsTestIndex.ersReader(leaf);
          ErsFieldIndex index = ers.fieldIndex(ErsTestIndex.FIELD);
          checkIndex(index, vectors.length, p);
          checkPostings(ers, index, leaf.getFloatVectorValues(ErsTestIndex.FIELD), p);
        }
      }
    }
  }

  private static void checkIndex(ErsFieldIndex index, int n, ErsParameters p) {
    assertEquals(n, index.meta.vectorCount());
    assertTrue("a few thousand vectors make several leaves", index.leafCount() > 10);
    assertTrue("and inner nodes below the root", index.meta.innerCount() > 1);
    for (int leaf = 0; leaf < index.leafCount(); leaf++) {
      assertTrue(index.leafSizes[leaf] <= 2 * p.leafSize());
      for (int i = 0; i < index.meta.graphDegree(); i++) {
        int neighbor = index.graph[leaf * index.meta.graphDegree() + i];
        assertTrue(neighbor >= -1 && neighbor < index.leafCount() && neighbor != leaf);
      }
    }
    for (int[] kids : index.children) {
      assertTrue(kids.length >= 1 && kids.length <= p.branching());
    }
  }

  private static void checkPostings(ErsVectorsReader ers, ErsFieldIndex index, FloatVectorValues values, ErsParameters p) throws IOException {
    LeafPostings postings = ers.leafPostings(ErsTestIndex.FIELD);
    LeafQuantizer quantizer = new LeafQuantizer(index.meta.dimension(), index.meta.bits(), index.meta.similarity());
    int[] copies = new int[index.meta.vectorCount()];
    double error = 0, scale = 0;
    float[] probe = values.vectorValue(0).clone();
    for (int leaf = 0; leaf < index.leafCount(); leaf++) {
      postings.load(index.leafOffsets[leaf], index.leafSizes[leaf]);
      var q = quantizer.quantizeQuery(probe);
      float centroidDot = VectorUtil.dotProduct(probe, index.centroids[leaf]);
      for (int i = 0; i < postings.size; i++) {
        int ord = postings.ords[i];
        copies[ord]++;
        // own entries come first, ascending; a vector is someone's own exactly once
        float[] v = values.vectorValue(ord);
        float exact = -VectorUtil.squareDistance(probe, v);
        float estimate = quantizer.estimate(q, centroidDot, postings.code(i), postings.lower[i], postings.upper[i], postings.additional[i], postings.sums[i]);
        error += Math.abs(estimate - exact);
        scale += Math.abs(exact);
        assertEquals("|x|^2 correction of vector " + ord, VectorUtil.dotProduct(v, v), postings.additional[i], 1e-3f);
      }
      int spills = 0;
      for (int i = 1; i < postings.size; i++) {
        if (postings.ords[i] <= postings.ords[i - 1]) {
          spills++; // the one place ordinals restart: the spilled copies
        }
      }
      assertTrue(spills <= 1);
    }
    for (int ord = 0; ord < copies.length; ord++) {
      assertTrue("vector " + ord + " is in " + copies[ord] + " leaves", copies[ord] == 1 || copies[ord] == 2);
    }
    // Scores reconstructed from the codes track the true ones closely (relative error).
    double relative = error / scale;
    assertTrue("mean relative estimate error " + relative + " at " + index.meta.bits() + " bits", relative < (index.meta.bits() == 8 ? 0.02 : 0.1));
  }

  public void testCorruptionOfEachFileIsDetected() throws IOException {
    float[][] vectors = ErsTestIndex.clustered(random(), 1500, 12, 10, 0.5f);
    for (String extension : new String[] {"ersm", "ersi", "ersp", "vec", "vemf"}) {
      for (boolean truncate : new boolean[] {false, true}) {
        try (BaseDirectoryWrapper dir = newFSDirectory(createTempDir())) {
          dir.setCheckIndexOnClose(false); // the damage is the point
          ErsTestIndex.index(dir, P, vectors, VectorSimilarityFunction.COSINE);
          String file = fileWithExtension(dir, extension);
          damage(dir, file, truncate);
          // Files read whole at open (meta, index) and truncated files fail at open; a flipped byte in a file
          // read lazily (postings, raw vectors) fails the checksum that CheckIndex and merges verify.
          expectThrows(CorruptIndexException.class, () -> {
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
              for (var leaf : reader.leaves()) {
                ((org.apache.lucene.index.CodecReader) leaf.reader()).checkIntegrity();
              }
            }
          });
          if (truncate || extension.equals("ersm") || extension.equals("ersi")) {
            expectThrows(CorruptIndexException.class, () -> DirectoryReader.open(dir).close());
          }
        }
      }
    }
  }

  public void testCheckIndexPasses() throws IOException {
    float[][] vectors = ErsTestIndex.clustered(random(), 1200, 10, 10, 0.5f);
    try (Directory dir = newFSDirectory(createTempDir())) {
      ErsTestIndex.index(dir, P, vectors, VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT);
      try (CheckIndex check = new CheckIndex(dir)) {
        assertTrue(check.checkIndex().clean);
      }
    }
  }

  private static String fileWithExtension(Directory dir, String extension) throws IOException {
    List<String> found = new ArrayList<>();
    for (String name : dir.listAll()) {
      if (name.endsWith("." + extension)) {
        found.add(name);
      }
    }
    assertEquals("one ." + extension + " file expected in " + List.of(dir.listAll()), 1, found.size());
    return found.get(0);
  }

  /** Flips one byte in the middle of the file, or cuts off its last bytes. */
  private static void damage(Directory dir, String file, boolean truncate) throws IOException {
    byte[] bytes;
    try (IndexInput in = dir.openInput(file, IOContext.READONCE)) {
      bytes = new byte[(int) in.length()];
      in.readBytes(bytes, 0, bytes.length);
    }
    dir.deleteFile(file);
    try (IndexOutput out = dir.createOutput(file, IOContext.DEFAULT)) {
      if (truncate) {
        out.writeBytes(bytes, bytes.length - 5);
      } else {
        bytes[bytes.length / 2] ^= 0x5A;
        out.writeBytes(bytes, bytes.length);
      }
    }
  }
}
