package org.align3d.client.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.align3d.client.demo.SynthAsset;
import org.align3d.client.demo.SynthCatalog;
import org.junit.Test;

public class HardNegativeAccuracyTest {

    private final List<SynthAsset> assets = new SynthCatalog().assets(1, 400);
    private final Map<String, List<SynthAsset>> groups = HardNegativeAccuracy.groups(assets);

    @Test
    public void queriesAreMembersOfGroupsWithMates() {
        List<SynthAsset> queries = HardNegativeAccuracy.queries(assets, 1000);
        assertFalse(queries.isEmpty());
        for (SynthAsset q : queries) {
            assertTrue(groups.get(q.spec().hardNegativeGroup()).size() > 1);
        }
        assertEquals(5, HardNegativeAccuracy.queries(assets, 5).size());
    }

    @Test
    public void aHitRanksAboveEveryMateThatWasReturned() {
        List<SynthAsset> group = groups.values().stream().filter(g -> g.size() >= 2).findFirst().orElseThrow();
        SynthAsset member = group.get(0);
        SynthAsset mate = group.get(1);
        assertTrue(HardNegativeAccuracy.ranksFirst(List.of("other", member.id(), mate.id()), member, group));
        assertTrue("mates not returned rank below", HardNegativeAccuracy.ranksFirst(List.of(member.id()), member, group));
        assertFalse(HardNegativeAccuracy.ranksFirst(List.of(mate.id(), member.id()), member, group));
        assertFalse("not returned is a miss", HardNegativeAccuracy.ranksFirst(List.of("other", mate.id()), member, group));
    }

    @Test
    public void percentilesAreNearestRank() {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 - i;
        }
        assertEquals(50, Percentiles.of(v, 50), 0);
        assertEquals(99, Percentiles.of(v, 99), 0);
        assertEquals(100, Percentiles.of(v, 100), 0);
        assertEquals(7, Percentiles.of(new double[] {7}, 99), 0);
    }
}
