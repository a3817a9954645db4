package org.align3d.ers.bench;

import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.hnsw.NeighborQueue;

/** Brute force over vectors on the heap: the benchmark's ground truth and its exact baseline. */
final class ExactSearcher {
  private final float[][] docs;
  private final VectorSimilarityFunction similarity;

  ExactSearcher(float[][] docs, VectorSimilarityFunction similarity) {
    this.docs = docs;
    this.similarity = similarity;
  }

  /** The ids of the k most similar documents, best first. */
  int[] search(float[] query, int k) {
    NeighborQueue top = new NeighborQueue(k, false);
    for (int i = 0; i < docs.length; i++) {
      top.insertWithOverflow(i, similarity.compare(query, docs[i]));
    }
    int[] ids = new int[top.size()];
    for (int i = ids.length - 1; i >= 0; i--) {
      ids[i] = top.pop();
    }
    return ids;
  }
}
