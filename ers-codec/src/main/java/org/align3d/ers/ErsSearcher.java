package org.align3d.ers;

import java.io.IOException;
import java.util.Arrays;
import org.align3d.ers.quant.LeafQuantizer;
import org.align3d.ers.quant.QuantizedQuery;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.knn.KnnSearchStrategy;
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
 * <p>A radial search ({@link ErsRadialStrategy}) descends the same way but keeps every member whose estimate
 * comes within {@link #radialMargin} of the threshold, and stops once it has visited the leaf budget and then
 * as many leaves in a row without such a member; the candidates are rescored and the collector keeps those at or
 * above the threshold.
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
    KnnSearchStrategy given = collector.getSearchStrategy();
    // Lucene's second pass over a segment wraps the query's strategy in a seeded one: the budget is inside
    while (given instanceof KnnSearchStrategy.Seeded seeded) {
      given = seeded.originalStrategy();
    }
    ErsRadialStrategy radial = given instanceof ErsRadialStrategy r ? r : null;
    if (radial != null && radial.leaves() > 0) {
      leafBudget = radial.leaves();
    }
    if (given instanceof ErsSearchStrategy strategy) {
      leafBudget = strategy.leaves();
      oversample = strategy.oversample() > 0 ? strategy.oversample() : oversample;
    }
    long scaledBudget = (long) Math.ceil((double) leafBudget * size / accepted);
    double meanLeaf = (double) (index.leafOffsets[index.leafCount()] - index.leafOffsets[0])
        / ErsFieldIndex.entryBytes(index.codeBytes) / index.leafCount();
    boolean exhaustive =
        (radial == null && collector.k() >= size)
            || scaledBudget >= index.leafCount()
            // The descent would read about scaledBudget * meanLeaf postings to find its candidates.
            || accepted <= scaledBudget * meanLeaf;
    if (exhaustive && radial != null && acceptOrds != null && accepted >= collector.visitLimit()) {
      // Lucene's radial query limits visits to its filter's cardinality and, once they are used up, scores the
      // filter's documents exactly itself: an exact scan here would only be done twice. Use them up and leave it.
      collector.incVisitedCount((int) Math.min(Integer.MAX_VALUE, collector.visitLimit() - collector.visitedCount()));
      return;
    }
    if (exhaustive) {
      ExactSearch.score(scorer, acceptOrds, values, acceptDocs, accepted < size, collector);
      return;
    }
    if (radial != null) {
      radial(target, scorer, acceptOrds, collector, radial.minScore(), (int) scaledBudget);
      return;
    }
    descend(target, scorer, acceptOrds, collector, (int) scaledBudget, oversample);
  }

  private void descend(
      float[] target, RandomVectorScorer scorer, Bits acceptOrds, KnnCollector collector, int leafBudget, int oversample)
      throws IOException {
    Descent descent = new Descent(target);
    int candidateCount = (int) Math.min((long) collector.k() * oversample, index.meta.vectorCount());
    NeighborQueue candidates = new NeighborQueue(candidateCount, false); // min-heap of the best estimates
    int visitedLeaves = 0;
    int acceptedSeen = 0;
    while (visitedLeaves < leafBudget || acceptedSeen < candidateCount) {
      int leaf = descent.nextLeaf();
      if (leaf < 0) {
        break;
      }
      acceptedSeen += descent.visit(leaf, acceptOrds, candidates::insertWithOverflow, collector);
      visitedLeaves++;
      if (collector.earlyTerminated()) {
        break;
      }
    }
    // Rescore the best estimates on raw vectors.
    int n = candidates.size();
    int[] ords = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      ords[i] = candidates.pop();
    }
    rescore(scorer, ords, n, collector);
  }

  /**
   * Every vector at or above {@code minScore}: visits leaves best-first, keeps each member whose estimate is within
   * {@link #radialMargin} of the threshold, and stops after the leaf budget once as many leaves in a row have held
   * none (or when the collector's visit limit is reached, which tells a filtered query to search exactly instead).
   */
  private void radial(float[] target, RandomVectorScorer scorer, Bits acceptOrds, KnnCollector collector, float minScore, int leafBudget)
      throws IOException {
    Descent descent = new Descent(target);
    NearThreshold kept = new NearThreshold(estimateThreshold(minScore) - radialMargin(minScore, descent.queryNorm));
    int visitedLeaves = 0;
    int barren = 0;
    while (visitedLeaves < leafBudget || barren < leafBudget) {
      int leaf = descent.nextLeaf();
      if (leaf < 0) {
        break;
      }
      int before = kept.count;
      descent.visit(leaf, acceptOrds, kept, collector);
      visitedLeaves++;
      barren = kept.count > before ? 0 : barren + 1;
      if (collector.earlyTerminated()) {
        if (collector.visitedCount() >= collector.visitLimit()) {
          return; // a filtered query's limit: Lucene searches the filter's documents exactly instead
        }
        break; // a timeout: what was found so far is the answer
      }
    }
    rescore(scorer, kept.ords, kept.count, collector);
  }

  /** The ordinals whose estimate reaches a bar, in visiting order. */
  private static final class NearThreshold implements EstimateSink {
    private final float bar;
    private int[] ords = new int[64];
    private int count;

    NearThreshold(float bar) {
      this.bar = bar;
    }

    @Override
    public void accept(int ord, float estimate) {
      if (estimate >= bar) {
        if (count == ords.length) {
          ords = Arrays.copyOf(ords, count * 2);
        }
        ords[count++] = ord;
      }
    }
  }

  /** Scores {@code n} ordinals on their raw vectors and hands them to the collector. */
  private static void rescore(RandomVectorScorer scorer, int[] ords, int n, KnnCollector collector) throws IOException {
    float[] scores = new float[n];
    scorer.bulkScore(ords, scores, n);
    for (int i = 0; i < n; i++) {
      collector.collect(scorer.ordToDoc(ords[i]), scores[i]);
    }
  }

  /**
   * A Lucene score threshold in the units of the leaf estimates: the inner product for cosine and dot product
   * (score {@code (1 + dot) / 2}), for maximum inner product (score {@code 1 / (1 - dot)} below 0, {@code dot + 1}
   * above), the negated squared distance for Euclidean (score {@code 1 / (1 + d^2)}).
   */
  float estimateThreshold(float minScore) {
    return switch (index.meta.similarity()) {
      case COSINE, DOT_PRODUCT -> 2f * minScore - 1f;
      case MAXIMUM_INNER_PRODUCT -> minScore <= 0f ? Float.NEGATIVE_INFINITY : minScore >= 1f ? minScore - 1f : 1f - 1f / minScore;
      case EUCLIDEAN -> minScore <= 0f ? Float.NEGATIVE_INFINITY : -(1f / minScore - 1f);
    };
  }

  /**
   * How far below the threshold an estimate may fall and still be rescored: a generous bound on the quantization
   * error of an estimate. For unit vectors the mean error is about 0.001 at 8 bits and 0.02 at 4 bits
   * (TestLeafQuantizer). The query is quantized uncentred, so the error grows with its norm: maximum inner product
   * scales the margin by it, and Euclidean (whose estimate is {@code |x|^2 + |y|^2 - 2<x, y>}) by twice it, or by the
   * threshold's squared distance when that is larger.
   */
  float radialMargin(float minScore, float queryNorm) {
    float margin = index.meta.bits() == 8 ? 0.01f : 0.05f;
    return switch (index.meta.similarity()) {
      case COSINE, DOT_PRODUCT -> margin;
      case MAXIMUM_INNER_PRODUCT -> margin * Math.max(1f, queryNorm);
      case EUCLIDEAN -> margin * Math.max(2f * Math.max(1f, queryNorm), Math.abs(estimateThreshold(minScore)));
    };
  }

  /**
   * One best-first walk down the hierarchy: a frontier of nodes by {@link #priority}; popping an inner node queues
   * its children, visiting a leaf queues its navigation-graph neighbours. Spilled copies are scored once.
   */
  private final class Descent {
    private final float[] query;
    private final float queryNorm;
    private final QuantizedQuery quantized;
    private final NeighborQueue frontier = new NeighborQueue(64, true);
    private final FixedBitSet queued = new FixedBitSet(index.centroids.length);
    private final SparseFixedBitSet scored = new SparseFixedBitSet(index.meta.vectorCount());
    private final LeafPostings reader = new LeafPostings(postings.clone(), index.codeBytes);

    Descent(float[] target) {
      float[] q = target;
      if (index.meta.similarity() == VectorSimilarityFunction.COSINE) {
        q = VectorUtil.l2normalize(target.clone(), false);
      }
      query = q;
      queryNorm = (float) Math.sqrt(VectorUtil.dotProduct(query, query));
      quantized = quantizer.quantizeQuery(query);
      queued.set(index.root());
      frontier.add(index.root(), Float.POSITIVE_INFINITY);
    }

    /** The most promising leaf not yet visited, expanding inner nodes on the way; -1 when none is left. */
    int nextLeaf() {
      while (frontier.size() > 0) {
        int node = frontier.pop();
        if (node < index.leafCount()) {
          return node;
        }
        for (int child : index.children[node - index.leafCount()]) {
          queue(child);
        }
      }
      return -1;
    }

    /** Scores the leaf's accepted members into {@code sink} and queues its graph neighbours; returns how many it scored. */
    int visit(int leaf, Bits acceptOrds, EstimateSink sink, KnnCollector collector) throws IOException {
      int count = visitLeaf(leaf, query, quantized, reader, acceptOrds, scored, sink, collector);
      int degree = index.meta.graphDegree();
      for (int i = 0; i < degree; i++) {
        int neighbor = index.graph[leaf * degree + i];
        if (neighbor < 0) {
          break;
        }
        queue(neighbor);
      }
      return count;
    }

    private void queue(int node) {
      if (!queued.getAndSet(node)) {
        frontier.add(node, priority(query, queryNorm, node));
      }
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

  /** Receives each estimate a leaf visit makes. */
  private interface EstimateSink {
    void accept(int ord, float estimate);
  }

  /** Scores one leaf's accepted, not yet scored entries into {@code sink}; returns how many it scored. */
  private int visitLeaf(
      int leaf, float[] query, QuantizedQuery q, LeafPostings reader, Bits acceptOrds, SparseFixedBitSet scored, EstimateSink sink, KnnCollector collector)
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
      sink.accept(ord, estimate);
      count++;
    }
    collector.incVisitedCount(count);
    return count;
  }
}
