package org.align3d.query;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Matches a fixed set of documents of one reader with precomputed scores: what a {@link ShapeRerankQuery} rewrites
 * into once it has chosen and reranked its candidates. Like Lucene's own rewritten kNN query, it is only valid
 * for the reader it was computed on.
 */
final class ScoredDocsQuery extends Query {

    private final int[] docs;
    private final float[] scores;
    private final Explanation[] explanations;
    private final Object readerIdentity;
    private final ShapeRerankQuery origin;

    /**
     * @param docs   global doc ids, ascending; {@code scores} and {@code explanations} in the same order
     * @param origin the query this one was rewritten from (the fetch phase reads its encoded query for part matches)
     */
    ScoredDocsQuery(int[] docs, float[] scores, Explanation[] explanations, IndexReaderContext reader, ShapeRerankQuery origin) {
        this.docs = docs;
        this.scores = scores;
        this.explanations = explanations;
        this.readerIdentity = reader.id();
        this.origin = origin;
    }

    /** True when these are the hits of {@code reader}, the top-level reader they were ranked on. */
    boolean ranks(IndexReaderContext reader) {
        return readerIdentity == reader.id();
    }

    ShapeRerankQuery origin() {
        return origin;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        if (searcher.getTopReaderContext().id() != readerIdentity) {
            throw new IllegalStateException("neural_shape results were computed for another reader");
        }
        return new Weight(this) {
            @Override
            public Explanation explain(LeafReaderContext context, int doc) {
                int i = Arrays.binarySearch(docs, context.docBase + doc);
                if (i < 0) {
                    return Explanation.noMatch("not among the neural_shape results");
                }
                Explanation e = explanations[i];
                return boost == 1f ? e : Explanation.match(scores[i] * boost, "boost " + boost, e);
            }

            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                int from = lowerBound(context.docBase);
                int to = lowerBound(context.docBase + context.reader().maxDoc());
                if (from == to) {
                    return null;
                }
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) {
                        return new RangeScorer(from, to, context.docBase, boost);
                    }

                    @Override
                    public long cost() {
                        return to - from;
                    }
                };
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    private int lowerBound(int doc) {
        int i = Arrays.binarySearch(docs, doc);
        return i >= 0 ? i : -i - 1;
    }

    /** Iterates docs[from, to) of one segment. */
    private final class RangeScorer extends Scorer {
        private final int from;
        private final int to;
        private final int docBase;
        private final float boost;
        private int at = -1;

        RangeScorer(int from, int to, int docBase, float boost) {
            this.from = from;
            this.to = to;
            this.docBase = docBase;
            this.boost = boost;
        }

        @Override
        public int docID() {
            return at < 0 ? -1 : at >= to ? DocIdSetIterator.NO_MORE_DOCS : docs[at] - docBase;
        }

        @Override
        public float score() {
            return scores[at] * boost;
        }

        @Override
        public float getMaxScore(int upTo) {
            float max = 0;
            for (int i = Math.max(from, at); i < to && docs[i] - docBase <= upTo; i++) {
                max = Math.max(max, scores[i]);
            }
            return max * boost;
        }

        @Override
        public DocIdSetIterator iterator() {
            return new DocIdSetIterator() {
                @Override
                public int docID() {
                    return RangeScorer.this.docID();
                }

                @Override
                public int nextDoc() {
                    at = at < 0 ? from : at + 1;
                    return docID();
                }

                @Override
                public int advance(int target) {
                    at = Math.max(at < 0 ? from : at, lowerBound(docBase + target));
                    at = Math.max(at, from);
                    return docID();
                }

                @Override
                public long cost() {
                    return to - from;
                }
            };
        }
    }

    @Override
    public String toString(String field) {
        return "ScoredDocsQuery(" + docs.length + " docs)";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredDocsQuery q && q.readerIdentity == readerIdentity && Arrays.equals(q.docs, docs)
            && Arrays.equals(q.scores, scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(readerIdentity), Arrays.hashCode(docs), Arrays.hashCode(scores));
    }
}
