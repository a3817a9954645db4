package org.align3d.ers;

import java.io.IOException;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.RandomVectorScorer;

/** Scores every accepted vector of a field on its raw value: small fields, selective filters, byte fields. */
final class ExactSearch {
  /** Vectors are scored in blocks of this many ordinals, the granularity of the visit-limit check. */
  static final int BLOCK = 64;

  private ExactSearch() {}

  /** Scores all accepted vectors, choosing how to enumerate them from the filter's cost. */
  static void scoreAll(RandomVectorScorer scorer, KnnVectorValues values, KnnCollector collector, AcceptDocs acceptDocs)
      throws IOException {
    Bits acceptOrds = scorer.getAcceptOrds(acceptDocs.bits());
    int size = values.size();
    int accepted = acceptOrds == null ? size : Math.min(acceptDocs.cost(), size);
    score(scorer, acceptOrds, values, acceptDocs, accepted < size, collector);
  }

  /**
   * @param selective enumerate the filter's documents rather than the field's ordinals
   */
  static void score(
      RandomVectorScorer scorer, Bits acceptOrds, KnnVectorValues values, AcceptDocs acceptDocs, boolean selective, KnnCollector collector)
      throws IOException {
    if (acceptOrds != null && selective) {
      scoreFiltered(scorer, values, acceptDocs.iterator(), collector);
    } else {
      scoreOrds(scorer, acceptOrds, collector);
    }
  }

  private static void scoreOrds(RandomVectorScorer scorer, Bits acceptOrds, KnnCollector collector) throws IOException {
    int[] ords = new int[BLOCK];
    float[] scores = new float[BLOCK];
    int n = 0;
    for (int ord = 0; ord < scorer.maxOrd() && !collector.earlyTerminated(); ord++) {
      if (acceptOrds != null && !acceptOrds.get(ord)) {
        continue;
      }
      ords[n++] = ord;
      if (n == BLOCK) {
        collect(scorer, ords, scores, n, collector);
        n = 0;
      }
    }
    if (n > 0 && !collector.earlyTerminated()) {
      collect(scorer, ords, scores, n, collector);
    }
  }

  /** Walks the filter's documents and the field's documents together: cheap when the filter is selective. */
  private static void scoreFiltered(RandomVectorScorer scorer, KnnVectorValues values, DocIdSetIterator filter, KnnCollector collector)
      throws IOException {
    KnnVectorValues.DocIndexIterator vectorDocs = values.iterator();
    int[] ords = new int[BLOCK];
    float[] scores = new float[BLOCK];
    int n = 0;
    for (int doc = filter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && !collector.earlyTerminated(); doc = filter.nextDoc()) {
      int vectorDoc = vectorDocs.docID() < doc ? vectorDocs.advance(doc) : vectorDocs.docID();
      if (vectorDoc == DocIdSetIterator.NO_MORE_DOCS) {
        break;
      }
      if (vectorDoc != doc) {
        continue;
      }
      ords[n++] = vectorDocs.index();
      if (n == BLOCK) {
        collect(scorer, ords, scores, n, collector);
        n = 0;
      }
    }
    if (n > 0 && !collector.earlyTerminated()) {
      collect(scorer, ords, scores, n, collector);
    }
  }

  private static void collect(RandomVectorScorer scorer, int[] ords, float[] scores, int n, KnnCollector collector)
      throws IOException {
    collector.incVisitedCount(n);
    scorer.bulkScore(ords, scores, n);
    for (int i = 0; i < n; i++) {
      collector.collect(scorer.ordToDoc(ords[i]), scores[i]);
    }
  }
}
