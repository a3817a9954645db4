package org.align3d.ers;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.knn.KnnSearchStrategy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;

/** Recall, budgets, filters, deletes and merges of ERS search, against exact ground truth. */
public class TestErsSearch extends LuceneTestCase {
  private static final int K = 10;
  /**
   * Small leaves so a few thousand vectors make a real hierarchy (~100 leaves, several levels); search
   * budget, spill and oversampling at their defaults.
   */
  private static final ErsParameters SMALL =
      new ErsParameters(48, 8, ErsParameters.DEFAULT_SPILL_RATIO, ErsParameters.DEFAULT_BITS, 8, ErsParameters.DEFAULT_SEARCH_LEAVES, ErsParameters.DEFAULT_OVERSAMPLE);

  public void testRecallClusteredEverySimilarity() throws IOException {
    for (VectorSimilarityFunction similarity : VectorSimilarityFunction.values()) {
      float[][] vectors = ErsTestIndex.clustered(random(), 4000, 32, 40, 0.6f);
      if (similarity == VectorSimilarityFunction.DOT_PRODUCT) {
        vectors = ErsTestIndex.normalized(vectors);
      }
      float[][] queries = ErsTestIndex.clustered(random(), 50, 32, 40, 0.6f);
      double recall = recall(vectors, queries, similarity, SMALL, null);
      // Measured over 25 random seeds x 4 similarities: lowest 0.894, most above 0.93. A bound at 0.9 failed one
      // seed in CI; 0.85 keeps a wide margin over what a broken descent finds (0.15-0.4) without flaking.
      assertTrue(similarity + ": recall@10 " + recall + " at the default budget", recall >= 0.85);
    }
  }

  public void testRecallUniform() throws IOException {
    float[][] vectors = ErsTestIndex.uniform(random(), 4000, 16);
    float[][] queries = ErsTestIndex.uniform(random(), 50, 16);
    double recall = recall(vectors, queries, VectorSimilarityFunction.EUCLIDEAN, SMALL, null);
    // Uniform data has no clusters to exploit: ERS's hard case (README, "ERS vector format"). At the default
    // budget (16 of ~110 leaves, ~15% of the vectors) a broken descent would find about 15% of the neighbours.
    assertTrue("uniform recall@10 " + recall, recall >= 0.75);
  }

  public void testLargerBudgetNeverWorseAndSmallBudgetIsApproximate() throws IOException {
    float[][] vectors = ErsTestIndex.uniform(random(), 4000, 24);
    float[][] queries = ErsTestIndex.uniform(random(), 40, 24);
    try (Directory dir = newDirectory()) {
      ErsTestIndex.index(dir, SMALL, vectors, VectorSimilarityFunction.EUCLIDEAN);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = newSearcher(reader, false, false, false);
        int[] ids = ids(reader);
        double small = 0, large = 0;
        long visitedSmall = 0;
        for (float[] q : queries) {
          int[] truth = ErsTestIndex.exactTopK(vectors, q, VectorSimilarityFunction.EUCLIDEAN, K, i -> true);
          TopDocs few = searcher.search(new KnnFloatVectorQuery(ErsTestIndex.FIELD, q, K, null, new ErsSearchStrategy(2)), K);
          small += overlap(few, ids, truth);
          large += overlap(searcher.search(new KnnFloatVectorQuery(ErsTestIndex.FIELD, q, K, null, new ErsSearchStrategy(60)), K), ids, truth);
          visitedSmall += visited(reader, q, 2);
        }
        assertTrue("budget 60 recall " + large + " < budget 2 recall " + small, large >= small);
        assertTrue("budget 60 should be nearly exact: " + large / queries.length, large / queries.length >= 0.92);
        // (over 200 seeds the lowest was 0.9475; a descent that ignored the budget would stay near the budget-2 recall)
        // Two leaves of ~48 entries each: far fewer than 4000 vectors scored per query.
        assertTrue("visited " + visitedSmall / queries.length + " per query", visitedSmall / queries.length < 400);
      }
    }
  }

  public void testSelectiveFiltersStillReturnKHits() throws IOException {
    float[][] vectors = ErsTestIndex.clustered(random(), 5000, 16, 30, 0.5f);
    float[][] queries = ErsTestIndex.clustered(random(), 20, 16, 30, 0.5f);
    try (Directory dir = newDirectory()) {
      ErsTestIndex.index(dir, SMALL, vectors, VectorSimilarityFunction.EUCLIDEAN);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = newSearcher(reader, false, false, false);
        int[] ids = ids(reader);
        // "mod" keeps 1 document in 100 per value: 1%, 2% and 30% filters.
        for (int keep : new int[] {1, 2, 30}) {
          BooleanQuery.Builder filter = new BooleanQuery.Builder();
          Set<String> allowed = new HashSet<>();
          for (int m = 0; m < keep; m++) {
            filter.add(new TermQuery(new Term("mod", Integer.toString(m * 3))), BooleanClause.Occur.SHOULD);
            allowed.add(Integer.toString(m * 3));
          }
          Query f = filter.build();
          double recall = 0;
          for (float[] q : queries) {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(ErsTestIndex.FIELD, q, K, f), K);
            assertEquals("filter keeping " + keep + "%", K, top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
              assertTrue(allowed.contains(Integer.toString(ids[hit.doc] % 100)));
            }
            int[] truth = ErsTestIndex.exactTopK(vectors, q, VectorSimilarityFunction.EUCLIDEAN, K, i -> allowed.contains(Integer.toString(i % 100)));
            recall += overlap(top, ids, truth) / queries.length;
          }
          assertTrue("filter keeping " + keep + "%: recall " + recall, recall >= 0.9);
        }
      }
    }
  }

  public void testMergeOfSegmentsWithDeletes() throws IOException {
    float[][] vectors = ErsTestIndex.clustered(random(), 3000, 16, 20, 0.5f);
    float[][] queries = ErsTestIndex.clustered(random(), 30, 16, 20, 0.5f);
    Set<Integer> deleted = new HashSet<>();
    try (Directory dir = newDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, ErsTestIndex.config(SMALL))) {
        ErsTestIndex.index(writer, vectors, VectorSimilarityFunction.EUCLIDEAN, 700); // five segments
        for (int i = 0; i < vectors.length; i += 7) {
          writer.deleteDocuments(new Term("id", Integer.toString(i)));
          deleted.add(i);
        }
        writer.commit();
        try (DirectoryReader before = DirectoryReader.open(writer)) {
          assertTrue(before.leaves().size() > 1);
          assertSearchExcludes(before, vectors, queries, deleted); // deletes honoured before the merge
        }
        writer.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(1, reader.leaves().size());
        assertEquals(vectors.length - deleted.size(), reader.leaves().get(0).reader().getFloatVectorValues(ErsTestIndex.FIELD).size());
        assertSearchExcludes(reader, vectors, queries, deleted);
      }
    }
  }

  private void assertSearchExcludes(DirectoryReader reader, float[][] vectors, float[][] queries, Set<Integer> deleted) throws IOException {
    IndexSearcher searcher = newSearcher(reader, false, false, false);
    int[] ids = ids(reader);
    double recall = 0;
    for (float[] q : queries) {
      TopDocs top = searcher.search(new KnnFloatVectorQuery(ErsTestIndex.FIELD, q, K), K);
      assertEquals(K, top.scoreDocs.length);
      for (ScoreDoc hit : top.scoreDocs) {
        assertFalse("deleted document returned", deleted.contains(ids[hit.doc]));
      }
      int[] truth = ErsTestIndex.exactTopK(vectors, q, VectorSimilarityFunction.EUCLIDEAN, K, i -> !deleted.contains(i));
      recall += overlap(top, ids, truth) / queries.length;
    }
    assertTrue("recall with deletes " + recall, recall >= 0.9);
  }

  private double recall(float[][] vectors, float[][] queries, VectorSimilarityFunction similarity, ErsParameters p, Query filter)
      throws IOException {
    try (Directory dir = newDirectory()) {
      ErsTestIndex.index(dir, p, vectors, similarity);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = newSearcher(reader, false, false, false);
        int[] ids = ids(reader);
        double sum = 0;
        for (float[] q : queries) {
          TopDocs top = searcher.search(new KnnFloatVectorQuery(ErsTestIndex.FIELD, q, K, filter), K);
          sum += overlap(top, ids, ErsTestIndex.exactTopK(vectors, q, similarity, K, i -> true));
        }
        return sum / queries.length;
      }
    }
  }

  /**
   * With several segments Lucene searches some a second time, wrapping the query's strategy in a seeded one; the
   * per-query budget must hold on that pass too, not fall back to the field's default.
   */
  public void testBudgetHoldsWhenLuceneSeedsASecondPass() throws IOException {
    float[][] vectors = ErsTestIndex.uniform(random(), 3000, 16);
    try (Directory dir = newDirectory()) {
      ErsTestIndex.index(dir, SMALL, vectors, VectorSimilarityFunction.EUCLIDEAN);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        float[] q = ErsTestIndex.uniform(random(), 1, 16)[0];
        ErsSearchStrategy two = new ErsSearchStrategy(2);
        KnnSearchStrategy seeded = new KnnSearchStrategy.Seeded(DocIdSetIterator.empty(), 0, two);
        long plain = visited(reader, q, two);
        assertEquals("a seeded pass visits what the budget allows", plain, visited(reader, q, seeded));
        assertTrue("the default budget (16 leaves) visits more than 2 leaves' " + plain,
            visited(reader, q, new ErsSearchStrategy(16)) > plain);
      }
    }
  }

  /** Vectors scored by ERS for one query at a budget, read from the per-segment hit count. */
  private static long visited(DirectoryReader reader, float[] q, int leaves) throws IOException {
    return visited(reader, q, new ErsSearchStrategy(leaves));
  }

  private static long visited(DirectoryReader reader, float[] q, KnnSearchStrategy strategy) throws IOException {
    long total = 0;
    for (var leaf : reader.leaves()) {
      var collector = new org.apache.lucene.search.TopKnnCollector(K, Integer.MAX_VALUE, strategy);
      leaf.reader().searchNearestVectors(ErsTestIndex.FIELD, q, collector, org.apache.lucene.search.AcceptDocs.fromLiveDocs(leaf.reader().getLiveDocs(), leaf.reader().maxDoc()));
      total += collector.visitedCount();
    }
    return total;
  }

  static int[] ids(DirectoryReader reader) throws IOException {
    int[] ids = new int[reader.maxDoc()];
    for (var leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      NumericDocValues values = r.getNumericDocValues("id");
      for (int doc = values.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
        ids[leaf.docBase + doc] = (int) values.longValue();
      }
    }
    return ids;
  }

  private static double overlap(TopDocs top, int[] ids, int[] truth) {
    Set<Integer> expected = new HashSet<>();
    for (int t : truth) {
      expected.add(t);
    }
    int found = 0;
    for (ScoreDoc hit : top.scoreDocs) {
      found += expected.contains(ids[hit.doc]) ? 1 : 0;
    }
    return (double) found / truth.length;
  }
}
