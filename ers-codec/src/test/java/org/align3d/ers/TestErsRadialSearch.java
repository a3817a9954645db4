package org.align3d.ers;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.AbstractKnnCollector;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.VectorUtil;

/** Radial search ({@link ErsRadialStrategy}): every vector at or above a score, against exact ground truth. */
public class TestErsRadialSearch extends LuceneTestCase {
  /** Small leaves, as in TestErsSearch, so a few thousand vectors make ~100 leaves. */
  private static ErsParameters small(int bits) {
    return new ErsParameters(48, 8, ErsParameters.DEFAULT_SPILL_RATIO, bits, 8, ErsParameters.DEFAULT_SEARCH_LEAVES, ErsParameters.DEFAULT_OVERSAMPLE);
  }

  public void testFindsWhatExactSearchFindsEverySimilarity() throws IOException {
    for (VectorSimilarityFunction similarity : VectorSimilarityFunction.values()) {
      for (int bits : new int[] {4, 8}) {
        float[][] vectors = ErsTestIndex.clustered(random(), 4000, 32, 40, 0.6f);
        if (similarity == VectorSimilarityFunction.DOT_PRODUCT) {
          vectors = ErsTestIndex.normalized(vectors);
        }
        float[][] queries = ErsTestIndex.clustered(random(), 30, 32, 40, 0.6f);
        if (similarity == VectorSimilarityFunction.DOT_PRODUCT) {
          queries = ErsTestIndex.normalized(queries);
        }
        Recall r = radial(vectors, queries, similarity, small(bits), null, i -> true, 50);
        assertTrue(similarity + " " + bits + " bits: radial recall " + r.recall() + " visiting " + r.visited(), r.recall() >= 0.9);
        assertTrue(similarity + ": scored " + r.visited() + " of 4000 per query", r.visited() < 4000);
      }
    }
  }

  public void testRespectsAFilter() throws IOException {
    float[][] vectors = ErsTestIndex.clustered(random(), 5000, 16, 30, 0.5f);
    float[][] queries = ErsTestIndex.clustered(random(), 20, 16, 30, 0.5f);
    // "mod" 0..79 of 0..99: 80% of the documents, so ERS descends (a selective filter would be scored exactly)
    TermQueryUnion filter = new TermQueryUnion(80);
    Recall r = radial(vectors, queries, VectorSimilarityFunction.EUCLIDEAN, small(8), filter.query(), filter::accepts, 300);
    assertTrue("filtered radial recall " + r.recall(), r.recall() >= 0.9);
  }

  /**
   * A selective filter makes ERS's radial search exact; Lucene's radial query then scores the filter's documents
   * exactly itself once the visit limit (the filter's cardinality) is used up, so ERS leaves that scan to it instead
   * of doing it twice. The query still finds exactly what exact search finds.
   */
  public void testASelectiveFilterIsScoredExactlyOnce() throws IOException {
    float[][] vectors = ErsTestIndex.normalized(ErsTestIndex.clustered(random(), 3000, 16, 20, 0.5f));
    try (Directory dir = newDirectory()) {
      ErsTestIndex.index(dir, small(8), vectors, VectorSimilarityFunction.COSINE);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(1, reader.leaves().size());
        LeafReader leaf = reader.leaves().get(0).reader();
        FixedBitSet filter = new FixedBitSet(leaf.maxDoc());
        for (int doc = 0; doc < leaf.maxDoc(); doc += 50) {
          filter.set(doc);
        }
        int cardinality = filter.cardinality();
        float[] q = vectors[random().nextInt(vectors.length)];
        TopKnnCollector collector = new TopKnnCollector(1, cardinality, new ErsRadialStrategy(0.5f, 0));
        leaf.searchNearestVectors(ErsTestIndex.FIELD, q, collector,
            AcceptDocs.fromIteratorSupplier(() -> new BitSetIterator(filter, cardinality), null, leaf.maxDoc()));
        assertEquals("nothing scored by ERS", 0, collector.numCollected());
        assertTrue("the visit limit is used up, so Lucene scores the filter exactly", collector.earlyTerminated());

        IndexSearcher searcher = newSearcher(reader, false, false, false);
        int[] ids = TestErsSearch.ids(reader);
        Query filterQuery = new TermQueryUnion(2).query(); // "mod" 0 and 1: 2% of the documents
        TopDocs top = search(searcher, q, 0.6f, filterQuery);
        Set<Integer> truth = new HashSet<>();
        for (int i = 0; i < vectors.length; i++) {
          if (new TermQueryUnion(2).accepts(i) && (1 + VectorUtil.dotProduct(q, vectors[i])) / 2 >= 0.6f) {
            truth.add(i);
          }
        }
        Set<Integer> found = new HashSet<>();
        for (ScoreDoc hit : top.scoreDocs) {
          found.add(ids[hit.doc]);
        }
        assertEquals(truth, found);
      }
    }
  }

  public void testThresholdAboveEveryScoreFindsNothingAndBelowFindsAll() throws IOException {
    float[][] vectors = ErsTestIndex.normalized(ErsTestIndex.clustered(random(), 3000, 16, 20, 0.5f));
    try (Directory dir = newDirectory()) {
      ErsTestIndex.index(dir, small(8), vectors, VectorSimilarityFunction.COSINE);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = newSearcher(reader, false, false, false);
        float[] q = vectors[random().nextInt(vectors.length)];
        assertEquals(0, search(searcher, q, Math.nextUp(1f), null).scoreDocs.length);
        // Cosine scores are (1 + cos) / 2 >= 0: a threshold of 0 takes every vector.
        assertEquals(vectors.length, search(searcher, q, 0f, null).scoreDocs.length);
        // The query's own vector scores 1.
        TopDocs self = search(searcher, q, 0.9999f, null);
        assertTrue(self.scoreDocs.length >= 1);
      }
    }
  }

  public void testStrategyChecksItsArguments() {
    expectThrows(IllegalArgumentException.class, () -> new ErsRadialStrategy(Float.NaN, 0));
    expectThrows(IllegalArgumentException.class, () -> new ErsRadialStrategy(0.5f, -1));
    assertEquals(new ErsRadialStrategy(0.5f, 3), new ErsRadialStrategy(0.5f, 3));
    assertNotEquals(new ErsRadialStrategy(0.5f, 3), new ErsRadialStrategy(0.6f, 3));
  }

  private record Recall(double recall, double visited) {}

  /**
   * Per query, the threshold is the exact score of its {@code rank}-th most similar accepted vector, so exact
   * search finds {@code rank} vectors (more on ties). Every hit must be accepted and at or above the threshold.
   */
  private Recall radial(float[][] vectors, float[][] queries, VectorSimilarityFunction similarity, ErsParameters p, Query filter,
                        IntPredicate accepts, int rank) throws IOException {
    try (Directory dir = newDirectory()) {
      ErsTestIndex.index(dir, p, vectors, similarity);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = newSearcher(reader, false, false, false);
        int[] ids = TestErsSearch.ids(reader);
        double recall = 0;
        long visited = 0;
        for (float[] q : queries) {
          float[] scores = new float[vectors.length];
          float[] sorted = new float[vectors.length];
          int accepted = 0;
          for (int i = 0; i < vectors.length; i++) {
            scores[i] = similarity.compare(q, vectors[i]);
            if (accepts.test(i)) {
              sorted[accepted++] = scores[i];
            }
          }
          Arrays.sort(sorted, 0, accepted);
          float threshold = sorted[accepted - rank];
          Set<Integer> truth = new HashSet<>();
          for (int i = 0; i < vectors.length; i++) {
            if (accepts.test(i) && scores[i] >= threshold) {
              truth.add(i);
            }
          }
          TopDocs top = search(searcher, q, threshold, filter);
          int found = 0;
          for (ScoreDoc hit : top.scoreDocs) {
            int id = ids[hit.doc];
            assertTrue("hit " + id + " is not accepted", accepts.test(id));
            assertTrue("hit " + id + " scores " + hit.score + " < " + threshold, hit.score >= threshold);
            found += truth.contains(id) ? 1 : 0;
          }
          assertEquals("every hit is a true one", top.scoreDocs.length, found);
          recall += (double) found / truth.size() / queries.length;
          visited += visited(reader, q, threshold);
        }
        return new Recall(recall, (double) visited / queries.length);
      }
    }
  }

  private static TopDocs search(IndexSearcher searcher, float[] q, float threshold, Query filter) throws IOException {
    Query query = ErsRadialStrategy.query(ErsTestIndex.FIELD, q, threshold, 0.5f, filter, 0);
    return searcher.search(query, Integer.MAX_VALUE);
  }

  /** Vectors a radial search scores (estimates) over every segment, without a filter. */
  private static long visited(DirectoryReader reader, float[] q, float threshold) throws IOException {
    long total = 0;
    for (var leaf : reader.leaves()) {
      var collector = new AbstractKnnCollector(1, Integer.MAX_VALUE, new ErsRadialStrategy(threshold, 0)) {
        @Override
        public boolean collect(int docId, float similarity) {
          return false;
        }

        @Override
        public float minCompetitiveSimilarity() {
          return threshold;
        }

        @Override
        public TopDocs topDocs() {
          return null;
        }

        @Override
        public int numCollected() {
          return 0;
        }
      };
      leaf.reader().searchNearestVectors(ErsTestIndex.FIELD, q, collector,
          AcceptDocs.fromLiveDocs(leaf.reader().getLiveDocs(), leaf.reader().maxDoc()));
      total += collector.visitedCount();
    }
    return total;
  }

  /** Documents whose "mod" (id % 100) is below {@code keep}. */
  private record TermQueryUnion(int keep) {
    Query query() {
      var b = new org.apache.lucene.search.BooleanQuery.Builder();
      for (int m = 0; m < keep; m++) {
        b.add(new TermQuery(new Term("mod", Integer.toString(m))), org.apache.lucene.search.BooleanClause.Occur.SHOULD);
      }
      return b.build();
    }

    boolean accepts(int id) {
      return id % 100 < keep;
    }
  }
}
