package org.align3d.query;

import java.util.List;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.HafQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.opensearch.test.OpenSearchTestCase;

public class PartMatchesFetchSubPhaseTests extends OpenSearchTestCase {

    private static ShapeRerankQuery textQuery(String word, int matchesPerWord) {
        HafQuery text = new HafQuery(new float[] {1, 0}, new float[][] {{1, 0}}, new float[] {1}, new int[] {0}, List.of(word));
        return new ShapeRerankQuery("shape", "shape._patches", new float[] {1, 0}, text, HafPolicy.UNCALIBRATED,
            ShapeRerankQuery.Selection.nearest(3, 30), null, true, 0, matchesPerWord);
    }

    public void testFindsTheQueriesThatAskedForMatchesOutsideMustNot() {
        ShapeRerankQuery wanted = textQuery("chair", 2);
        ShapeRerankQuery excluded = textQuery("stool", 2);
        ShapeRerankQuery quiet = textQuery("table", 0);
        BooleanQuery query = new BooleanQuery.Builder()
            .add(wanted, Occur.MUST)
            .add(excluded, Occur.MUST_NOT)
            .add(quiet, Occur.SHOULD)
            .build();
        assertEquals(List.of(wanted), PartMatchesFetchSubPhase.find(query));
        assertEquals(List.of(), PartMatchesFetchSubPhase.find(null));
    }
}
