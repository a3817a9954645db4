package org.align3d.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.align3d.encoder.haf.HafScore;
import org.align3d.encoder.haf.HafScorer;
import org.align3d.encoder.haf.WordMatch;
import org.align3d.encoder.model.AssetEmbedding;
import org.align3d.encoder.model.PatchVectorsCodec;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.opensearch.common.document.DocumentField;
import org.opensearch.search.fetch.FetchContext;
import org.opensearch.search.fetch.FetchSubPhase;
import org.opensearch.search.fetch.FetchSubPhaseProcessor;

/**
 * Adds to each hit of a {@code neural_shape} text query with {@code part_matches > 0} which patches of the asset each
 * query word attended to, so a client can colour the matching parts:
 *
 * <pre>
 * "fields": {"_align3d_matches": [{"field": "shape", "words": [
 *   {"word": "armrests", "similarity": 0.61, "patches": [
 *     {"patch": 12, "attention": 0.34, "centre": [x, y, z], "radius": r}, ...]}, ...]}]}
 * </pre>
 * Centres and radii are in the asset file's own coordinates and units: colouring the mesh's vertices within
 * {@code radius} of a matched {@code centre} shows the part.
 */
public final class PartMatchesFetchSubPhase implements FetchSubPhase {

    public static final String FIELD = "_align3d_matches";

    @Override
    public FetchSubPhaseProcessor getProcessor(FetchContext context) {
        List<ShapeRerankQuery> queries = find(context.query());
        if (queries.isEmpty()) {
            return null;
        }
        return new FetchSubPhaseProcessor() {
            private LeafReaderContext leaf;

            @Override
            public void setNextReader(LeafReaderContext readerContext) {
                leaf = readerContext;
            }

            @Override
            public void process(HitContext hit) throws IOException {
                List<Object> perField = new ArrayList<>();
                for (ShapeRerankQuery q : queries) {
                    BinaryDocValues values = leaf.reader().getBinaryDocValues(q.patchesField());
                    if (values == null || !values.advanceExact(hit.docId())) {
                        continue;
                    }
                    BytesRef b = values.binaryValue();
                    AssetEmbedding asset = PatchVectorsCodec.decode(b.bytes, b.offset, b.length);
                    HafScore score = new HafScorer(q.policy()).score(q.text(), asset.shape(), q.matchesPerWord());
                    perField.add(Map.of("field", q.field(), "words", words(score.matches(), asset)));
                }
                if (!perField.isEmpty()) {
                    hit.hit().setDocumentField(FIELD, new DocumentField(FIELD, perField));
                }
            }
        };
    }

    private static List<Object> words(List<WordMatch> matches, AssetEmbedding asset) {
        List<Object> out = new ArrayList<>();
        for (WordMatch m : matches) {
            List<Object> patches = new ArrayList<>();
            for (int i = 0; i < m.patches().length; i++) {
                int p = m.patches()[i];
                double[] c = asset.centreInFile(p);
                Map<String, Object> patch = new LinkedHashMap<>();
                patch.put("patch", p);
                patch.put("attention", round(m.attention()[i]));
                patch.put("centre", List.of(round(c[0]), round(c[1]), round(c[2])));
                patch.put("radius", round(asset.radiusInFile(p)));
                patches.add(patch);
            }
            Map<String, Object> word = new LinkedHashMap<>();
            word.put("word", m.word());
            word.put("similarity", round(m.similarity()));
            word.put("patches", patches);
            out.add(word);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /**
     * The text {@code neural_shape} queries (original or rewritten) in the search's query that asked for part matches,
     * outside {@code must_not} clauses.
     */
    static List<ShapeRerankQuery> find(Query query) {
        List<ShapeRerankQuery> found = new ArrayList<>();
        if (query == null) {
            return found;
        }
        query.visit(new QueryVisitor() {
            @Override
            public void visitLeaf(Query q) {
                ShapeRerankQuery s = q instanceof ScoredDocsQuery rewritten ? rewritten.origin()
                    : q instanceof ShapeRerankQuery original ? original : null;
                if (s != null && s.matchesPerWord() > 0 && s.text() != null && !found.contains(s)) {
                    found.add(s);
                }
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                // a shape the search excludes has no matches to show
                return occur == org.apache.lucene.search.BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return found;
    }
}
