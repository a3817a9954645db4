package org.align3d.ers;

import java.io.IOException;
import org.align3d.ers.quant.LeafQuantizer;
import org.align3d.ers.quant.QuantizedQuery;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.SparseFixedBitSet;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.hnsw.NeighborQueue;
import org.apache.lucene.util.hnsw.RandomVectorScorer;

/**
 * One field's ERS search. A query either
 *
 * <ul>
 *   <li>scores every accepted vector exactly, when the budget would reach all leaves anyway, when k
 *       covers the field, or when a filter leaves so few documents that scoring them all is cheaper than
 *       finding them in the leaves; or
 *   <li>descends the hierarchy best-first: a frontier ordered by centroid similarity holds inner nodes
 *       and leaves; an inner node popped puts its children on the frontier, a leaf popped is visited (its
 *       accepted members scored on their quantized codes, its navigation-graph neighbours put on the
 *       frontier). It stops once it has visited the leaf budget and holds {@code k * oversample} accepted
 *       candidates (fewer only when the field has fewer), so the rescoring pool is always full. Those
 *       best candidates are then rescored on the raw vectors and collected.
 * </ul>
 *
 * <p>A filter accepting a fraction f of the vectors scales the leaf budget by 1/f, so the number of
 * accepted candidates seen stays about what an unfiltered query sees. Spilled copies are scored once.
 */
final class ErsSearcher {
  private final ErsFieldIndex index;
  private final IndexInput postings;
  private final LeafQuantizer quantizer;
  private final boolean euclidean;

  ErsSearcher(ErsFieldIndex index, IndexInput postings) {
    this.index = index;
    this.postings = postings;
    this.euclidean = index.meta.similarity() == VectorSimilarityFunction.EUCLIDEAN;
    this.quantizer = new LeafQuantizer(index.meta.dimension(), index.meta.bits(), index.meta.similarity());
  }

  /**
   * @param scorer exact scorer of the field's raw vectors against the query
   * @param values the raw vectors (to map filtered documents to ordinals)
   */
  void search(float[] target, RandomVectorScorer scorer, FloatVectorValues values, KnnCollector collector, AcceptDocs acceptDocs)
      throws IOException {
    int size = index.meta.vectorCount();
    Bits acceptOrds = scorer.getAcceptOrds(acceptDocs.bits());
    int accepted = acceptOrds == null ? size : Math.max(1, Math.min(acceptDocs.cost(), size));
    int leafBudget = index.meta.searchLeaves();
    int oversample = index.meta.oversample();
    if (collector.getSearchStrategy() instanceof ErsSearchStrategy strategy) {
      leafBudget = strategy.leaves();
      oversample = strategy.oversample() > 0 ? strategy.oversample() : oversample;
    }
    long scaledBudget = (long) Math.ceil((double) leafBudget * size / accepted);
    double meanLeaf = (double) (index.leafOffsets[index.leafCount()] - index.leafOffsets[0])
        / ErsFieldIndex.entryBytes(index.codeBytes) / index.leafCount();
    boolean exhaustive =
        collector.k() >= size
            || scaledBudget >= index.leafCount()
            // The descent would read about scaledBudget * meanLeaf postings to find its candidates.
            || accepted <= scaledBudget * meanLeaf;
    if (exhaustive) {
      ExactSearch.score(scorer, acceptOrds, values, acceptDocs, accepted < size, collector);
      return;
    }
    descend(target, scorer, acceptOrds, collector, (int) scaledBudget, oversample);
  }

  private void descend(
      float[] target, RandomVectorScorer scorer, Bits acceptOrds, KnnCollector collector, int leafBudget, int oversample)
      throws IOException {
    float[] query = target;
    if (index.meta.similarity() == VectorSimilarityFunction.COSINE) {
      query = VectorUtil.l2normalize(target.clone(), false);
    }
    float queryNorm = (float) Math.sqrt(VectorUtil.dotProduct(query, query));
    int k = collector.k();
    int candidateCount = (int) Math.min((long) k * oversample, index.meta.vectorCount());
    NeighborQueue candidates = new NeighborQueue(candidateCount, false); // min-heap of the best estimates
    NeighborQueue frontier = new NeighborQueue(64, true);
    FixedBitSet queued = new FixedBitSet(index.centroids.length);
    SparseFixedBitSet scored = new SparseFixedBitSet(index.meta.vectorCount());
    LeafPostings leafReader = new LeafPostings(postings.clone(), index.codeBytes);
    QuantizedQuery quantizedQuery = quantizer.quantizeQuery(query);

    int root = index.root();
    queued.set(root);
    frontier.add(root, Float.POSITIVE_INFINITY);
    int visitedLeaves = 0;
    int acceptedSeen = 0;
    while (frontier.size() > 0) {
      if (visitedLeaves >= leafBudget && acceptedSeen >= candidateCount) {
        break;
      }
      int node = frontier.pop();
      if (node >= index.leafCount()) {
        for (int child : index.children[node - index.leafCount()]) {
          if (!queued.getAndSet(child)) {
            frontier.add(child, priority(query, queryNorm, child));
          }
        }
        continue;
      }
      acceptedSeen += visitLeaf(node, query, quantizedQuery, leafReader, acceptOrds, scored, candidates, collector);
      visitedLeaves++;
      if (collector.earlyTerminated()) {
        break;
      }
      int degree = index.meta.graphDegree();
      for (int i = 0; i < degree; i++) {
        int neighbor = index.graph[node * degree + i];
        if (neighbor < 0) {
          break;
        }
        if (!queued.getAndSet(neighbor)) {
          frontier.add(neighbor, priority(query, queryNorm, neighbor));
        }
      }
    }
    // Rescore the best estimates on raw vectors.
    int n = candidates.size();
    int[] ords = new int[n];
    float[] scores = new float[n];
    for (int i = n - 1; i >= 0; i--) {
      ords[i] = candidates.pop();
    }
    scorer.bulkScore(ords, scores, n);
    for (int i = 0; i < n; i++) {
      collector.collect(scorer.ordToDoc(ords[i]), scores[i]);
    }
  }

  /**
   * How promising a node is, larger first. Leaves: the similarity of their centroid (negated squared
   * distance, or inner product). Inner nodes are judged by their best child rather than their own
   * centroid, optimistically: the centroid's value improved by the node's spread.
   */
  private float priority(float[] query, float queryNorm, int node) {
    float[] c = index.centroids[node];
    boolean inner = node >= index.leafCount();
    float spread = inner ? index.spread[node - index.leafCount()] : 0f;
    if (euclidean) {
      return -(VectorUtil.squareDistance(query, c) - spread);
    }
    return VectorUtil.dotProduct(query, c) + (inner ? queryNorm * (float) Math.sqrt(spread) : 0f);
  }

  /** Scores one leaf's accepted, not yet scored entries; returns how many it scored. */
  private int visitLeaf(
      int leaf, float[] query, QuantizedQuery q, LeafPostings reader, Bits acceptOrds, SparseFixedBitSet scored, NeighborQueue candidates, KnnCollector collector)
      throws IOException {
    int n = index.leafSizes[leaf];
    if (n == 0) {
      return 0;
    }
    long remaining = collector.visitLimit() - collector.visitedCount();
    if (remaining <= 0) {
      return 0;
    }
    reader.load(index.leafOffsets[leaf], n);
    float centroidDot = VectorUtil.dotProduct(query, index.centroids[leaf]);
    int count = 0;
    for (int i = 0; i < n && count < remaining; i++) {
      int ord = reader.ords[i];
      if (ord < 0 || ord >= index.meta.vectorCount()) {
        throw new CorruptIndexException("leaf " + leaf + " lists vector " + ord + " of " + index.meta.vectorCount(), reader.input());
      }
      if ((acceptOrds != null && !acceptOrds.get(ord)) || scored.getAndSet(ord)) {
        continue;
      }
      float estimate = quantizer.estimate(q, centroidDot, reader.code(i), reader.lower[i], reader.upper[i], reader.additional[i], reader.sums[i]);
      candidates.insertWithOverflow(ord, estimate);
      count++;
    }
    collector.incVisitedCount(count);
    return count;
  }
}
