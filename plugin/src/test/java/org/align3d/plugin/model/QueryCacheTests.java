package org.align3d.plugin.model;

import java.util.List;
import org.align3d.encoder.haf.HafQuery;
import org.opensearch.test.OpenSearchTestCase;

public class QueryCacheTests extends OpenSearchTestCase {

    private static HafQuery query(float x) {
        return new HafQuery(new float[] {x}, new float[0][], new float[0], new int[0], List.of());
    }

    public void testAnswersPerModelGenerationAndText() {
        QueryCache cache = new QueryCache(8);
        HafQuery chair = query(1);
        cache.put("m", 1, "a chair", chair);
        assertSame(chair, cache.get("m", 1, "a chair"));
        assertNull("another text", cache.get("m", 1, "a table"));
        assertNull("another model", cache.get("other", 1, "a chair"));
        assertNull("another generation of the model", cache.get("m", 2, "a chair"));
    }

    public void testANewerGenerationDropsTheOlderOnesEntries() {
        QueryCache cache = new QueryCache(8);
        cache.put("m", 1, "a chair", query(1));
        cache.put("m", 1, "a table", query(2));
        cache.put("other", 5, "a chair", query(3));
        cache.put("m", 2, "a lamp", query(4));
        assertEquals("generation 1 of m is gone, the other model's entry stays", 2, cache.size());
        assertNull(cache.get("m", 1, "a chair"));
        assertNotNull(cache.get("other", 5, "a chair"));
        cache.put("m", 1, "a sofa", query(5));
        assertNull("a late answer of the replaced model is not stored", cache.get("m", 1, "a sofa"));
        assertEquals(2, cache.size());
    }

    public void testLeastRecentlyUsedGoFirst() {
        QueryCache cache = new QueryCache(2);
        cache.put("m", 1, "a", query(1));
        cache.put("m", 1, "b", query(2));
        cache.get("m", 1, "a");
        cache.put("m", 1, "c", query(3));
        assertEquals(2, cache.size());
        assertNotNull(cache.get("m", 1, "a"));
        assertNull("b was used least recently", cache.get("m", 1, "b"));
        expectThrows(IllegalArgumentException.class, () -> new QueryCache(0));
    }
}
