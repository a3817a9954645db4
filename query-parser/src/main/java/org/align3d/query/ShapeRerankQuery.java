package org.align3d.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.PriorityQueue;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.haf.HafScore;
import org.align3d.encoder.haf.HafScorer;
import org.align3d.encoder.model.AssetEmbedding;
import org.align3d.encoder.model.PatchVectorsCodec;
import org.align3d.ers.ErsRadialStrategy;
import org.align3d.ers.ErsSearchStrategy;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FloatVectorSimilarityQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * The Lucene query behind {@code neural_shape}. On rewrite it takes candidates from the field's vector index (ERS,
 * with the filter applied inside the search): the {@code numCandidates} nearest documents, or for a radial search
 * every document whose vector score reaches the threshold (the best {@code cap} of them). It rescores them with HAF
 * on the per-patch data in doc values when {@code rerank} is on, keeps the best {@code k} (a radial search keeps
 * them all), and becomes a {@link ScoredDocsQuery}. Scores are in [0, 1]: HAF's fused score mapped to [0, 1], or
 * Lucene's cosine score {@code (1 + cos) / 2}.
 */
public final class ShapeRerankQuery extends Query {

    final String field;
    final String patchesField;
    final float[] vector;
    final HafQuery text;
    final HafPolicy policy;
    final Selection selection;
    final Query filter;
    final boolean rerank;
    final int searchLeaves;
    final int matchesPerWord;

    /**
     * How far Lucene's HNSW traversal of a radial search strays below the threshold (its default); ERS segments use
     * their own stopping rule ({@link ErsRadialStrategy}).
     */
    private static final float RADIAL_DECAY = 0.5f;

    /**
     * Which documents the vector index hands over and how many hits remain: the {@code candidates} nearest with the
     * best {@code k} kept, or ({@code minScore} set) every document whose vector score reaches it, at most
     * {@code k} (the best by vector score), all kept.
     */
    record Selection(int k, int candidates, Float minScore) {
        static Selection nearest(int k, int candidates) {
            return new Selection(k, candidates, null);
        }

        static Selection above(float minScore, int cap) {
            return new Selection(cap, cap, minScore);
        }

        boolean radial() {
            return minScore != null;
        }

        @Override
        public String toString() {
            return radial() ? "min_score=" + minScore : "k=" + k + ", candidates=" + candidates;
        }
    }

    ShapeRerankQuery(String field, String patchesField, float[] vector, HafQuery text, HafPolicy policy, Selection selection,
                     Query filter, boolean rerank, int searchLeaves, int matchesPerWord) {
        this.field = field;
        this.patchesField = patchesField;
        this.vector = vector;
        this.text = text;
        this.policy = policy;
        this.selection = selection;
        this.filter = filter;
        this.rerank = rerank && text != null;
        this.searchLeaves = searchLeaves;
        this.matchesPerWord = matchesPerWord;
    }

    /** One candidate: its score, and what explains it ({@code haf} is null when it was not reranked). */
    private record Candidate(int doc, float score, float annScore, HafScore haf, String noRerankReason) {
    }

    /**
     * The last rewrite and the reader it ranked: OpenSearch rewrites a named query ({@code _name}) again in the fetch
     * phase, for {@code matched_queries}, and that would run the vector search and HAF a second time.
     */
    private volatile ScoredDocsQuery lastRewrite;

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        ScoredDocsQuery last = lastRewrite;
        if (last != null && last.ranks(searcher.getTopReaderContext())) {
            return last;
        }
        ScoredDocsQuery ranked = rank(searcher);
        lastRewrite = ranked;
        return ranked;
    }

    /** The vector search, then HAF over its candidates: the k best (or every one past the threshold), scored. */
    private ScoredDocsQuery rank(IndexSearcher searcher) throws IOException {
        Weight weight = searcher.createWeight(rewriteFully(vectorQuery(), searcher), ScoreMode.COMPLETE, 1f);
        // The vector hits of every segment, at most the cap (a radial search may match many): the best by vector
        // score, kept in a bounded min-heap, so HAF only ever scores the survivors.
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        PriorityQueue<ScoreDoc> best = new PriorityQueue<>((a, b) -> Float.compare(a.score, b.score));
        for (LeafReaderContext leaf : leaves) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                float annScore = scorer.score();
                if (best.size() < selection.candidates()) {
                    best.add(new ScoreDoc(leaf.docBase + doc, annScore));
                } else if (annScore > best.peek().score) {
                    best.poll();
                    best.add(new ScoreDoc(leaf.docBase + doc, annScore));
                }
            }
        }
        ScoreDoc[] hits = best.toArray(ScoreDoc[]::new);
        Arrays.sort(hits, (a, b) -> Integer.compare(a.doc, b.doc)); // doc values are read forward, segment by segment
        HafScorer haf = rerank ? new HafScorer(policy, VectorUtil::dotProduct) : null;
        List<Candidate> candidates = new ArrayList<>(hits.length);
        BinaryDocValues patches = null;
        int leafIndex = -1;
        for (ScoreDoc hit : hits) {
            int index = ReaderUtil.subIndex(hit.doc, leaves);
            if (index != leafIndex) {
                leafIndex = index;
                patches = haf == null ? null : leaves.get(index).reader().getBinaryDocValues(patchesField);
            }
            candidates.add(score(hit.doc, hit.score, haf, patches, hit.doc - leaves.get(index).docBase));
        }
        candidates.sort((a, b) -> Float.compare(b.score(), a.score()));
        List<Candidate> top = candidates.subList(0, Math.min(selection.k(), candidates.size()));
        Candidate[] byDoc = top.toArray(Candidate[]::new);
        Arrays.sort(byDoc, (a, b) -> Integer.compare(a.doc(), b.doc()));
        int[] docs = new int[byDoc.length];
        float[] scores = new float[byDoc.length];
        Explanation[] explanations = new Explanation[byDoc.length];
        for (int i = 0; i < byDoc.length; i++) {
            docs[i] = byDoc[i].doc();
            scores[i] = byDoc[i].score();
            explanations[i] = explain(byDoc[i]);
        }
        return new ScoredDocsQuery(docs, scores, explanations, searcher.getTopReaderContext(), this);
    }

    /**
     * The vector search: the k nearest ({@link KnnFloatVectorQuery}), or every vector at or above the threshold
     * ({@link FloatVectorSimilarityQuery}, Lucene's radial search), with ERS's budget when one is set.
     */
    private Query vectorQuery() {
        if (selection.radial()) {
            return ErsRadialStrategy.query(field, vector, selection.minScore(), RADIAL_DECAY, filter, searchLeaves);
        }
        return searchLeaves > 0
            ? new KnnFloatVectorQuery(field, vector, selection.candidates(), filter, new ErsSearchStrategy(searchLeaves))
            : new KnnFloatVectorQuery(field, vector, selection.candidates(), filter);
    }

    private Candidate score(int globalDoc, float annScore, HafScorer haf, BinaryDocValues patches, int doc) throws IOException {
        if (haf == null || patches == null || !patches.advanceExact(doc)) {
            return new Candidate(globalDoc, annScore, annScore, null, haf == null ? "no rerank" : "no patch data for this document");
        }
        BytesRef bytes = patches.binaryValue();
        AssetEmbedding asset = PatchVectorsCodec.decode(bytes.bytes, bytes.offset, bytes.length);
        HafScore s = haf.score(text, asset.shape());
        return new Candidate(globalDoc, (float) s.score(), annScore, s, null);
    }

    /** Built for the k hits kept, not for every candidate. */
    private Explanation explain(Candidate c) {
        Explanation ann = Explanation.match(c.annScore(), "vector similarity (1 + cos) / 2 from the ANN index of [" + field + "]");
        HafScore s = c.haf();
        if (s == null) {
            return Explanation.match(c.score(), "neural_shape score (" + c.noRerankReason() + ")", ann);
        }
        return Explanation.match(c.score(), String.format(Locale.ROOT,
                "neural_shape HAF score = (fused + 1) / 2, fused = (%.2f * global + %.2f * patch + %.2f * part) / %.2f",
                policy.globalWeight(), policy.patchWeight(), policy.partWeight(),
                policy.globalWeight() + policy.patchWeight() + policy.partWeight()),
            Explanation.match((float) s.global(), "global: cosine of query sentence and asset vectors"),
            Explanation.match((float) s.patch(), String.format(Locale.ROOT,
                "patch: token-weighted mean of each word's attention over patches (tau %.3f)", policy.attentionTemperature())),
            Explanation.match((float) s.part(), "part: token-weighted mean of each word's best part group"),
            ann);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return rewriteFully(this, searcher).createWeight(searcher, scoreMode, boost);
    }

    /**
     * Rewrites {@code query} until it stops changing, as {@link IndexSearcher#rewrite} does, but without calling it:
     * this runs inside the search's own rewrite, and OpenSearch's profiler times {@code searcher.rewrite} with one
     * start time, which a nested call overwrites (a profiled search then reported the clock's reading as its
     * {@code rewrite_time}).
     */
    private static Query rewriteFully(Query query, IndexSearcher searcher) throws IOException {
        for (Query rewritten = query.rewrite(searcher); rewritten != query; rewritten = query.rewrite(searcher)) {
            query = rewritten;
        }
        return query;
    }

    public String field() {
        return field;
    }

    public HafQuery text() {
        return text;
    }

    public HafPolicy policy() {
        return policy;
    }

    public int matchesPerWord() {
        return matchesPerWord;
    }

    public String patchesField() {
        return patchesField;
    }

    @Override
    public String toString(String f) {
        return "neural_shape(" + field + ", " + selection + (rerank ? ", HAF" : "") + ")";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapeRerankQuery q && q.field.equals(field) && Arrays.equals(q.vector, vector)
            && q.selection.equals(selection) && Objects.equals(q.filter, filter) && q.rerank == rerank
            && q.searchLeaves == searchLeaves && q.matchesPerWord == matchesPerWord && Objects.equals(q.policy, policy)
            && q.text == text;
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, Arrays.hashCode(vector), selection, filter, rerank, searchLeaves, matchesPerWord, policy);
    }
}
