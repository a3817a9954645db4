package org.align3d.client.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.align3d.client.demo.SynthAsset;

/**
 * Fine-grained accuracy within hard-negative groups (shapes of one category differing in one attribute): the query
 * is a member's finest caption, and it counts as a hit when the member ranks above all its group mates in the
 * results (a member not returned is a miss; mates not returned rank below it).
 */
final class HardNegativeAccuracy {

    /** Queries: one per group member, in plan order, at most {@code max}. */
    static List<SynthAsset> queries(List<SynthAsset> assets, int max) {
        Map<String, List<SynthAsset>> groups = groups(assets);
        List<SynthAsset> out = new ArrayList<>();
        for (SynthAsset a : assets) {
            String g = a.spec().hardNegativeGroup();
            if (g != null && groups.get(g).size() > 1 && out.size() < max) {
                out.add(a);
            }
        }
        return out;
    }

    static Map<String, List<SynthAsset>> groups(List<SynthAsset> assets) {
        Map<String, List<SynthAsset>> groups = new LinkedHashMap<>();
        for (SynthAsset a : assets) {
            if (a.spec().hardNegativeGroup() != null) {
                groups.computeIfAbsent(a.spec().hardNegativeGroup(), k -> new ArrayList<>()).add(a);
            }
        }
        return groups;
    }

    /**
     * @param withinGroup true: the search is filtered to the query's group, so only the ranking among group mates
     *                    counts (fine-grained discrimination alone); false: the whole index is searched and the member
     *                    must also make the top k (shapes with the same attributes outside the group compete too)
     */
    static double measure(NeuralShapeSearch search, NeuralShapeSearch.Mode mode, List<SynthAsset> queries,
                          Map<String, List<SynthAsset>> groups, boolean withinGroup) throws IOException {
        int hits = 0;
        for (SynthAsset q : queries) {
            List<SynthAsset> group = groups.get(q.spec().hardNegativeGroup());
            List<String> ranked = search.search(q.description(), mode,
                    withinGroup ? group.stream().map(SynthAsset::id).toList() : null).ids();
            if (ranksFirst(ranked, q, group)) {
                hits++;
            }
        }
        return queries.isEmpty() ? Double.NaN : (double) hits / queries.size();
    }

    static boolean ranksFirst(List<String> ranked, SynthAsset member, List<SynthAsset> group) {
        int own = ranked.indexOf(member.id());
        if (own < 0) {
            return false;
        }
        for (SynthAsset mate : group) {
            int r = ranked.indexOf(mate.id());
            if (mate != member && r >= 0 && r < own) {
                return false;
            }
        }
        return true;
    }

    private HardNegativeAccuracy() {
    }
}
