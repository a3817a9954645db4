package org.align3d.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.align3d.client.http.ClusterClient;

/**
 * Bytes of an index's live segments per document, by what they hold, from {@code
 * _stats/segments?include_segment_file_sizes=true}. Live segments, not {@code store.size}: right after a force
 * merge the store still counts the merged-away files until the next commit releases them.
 */
final class IndexSize {

    /** File extensions by what they hold. */
    private static final Map<String, Set<String>> KINDS = Map.of(
            "vectors (ERS + raw)", Set.of("ersi", "ersp", "ersm", "vec", "vemf"),
            "doc values (patch vectors, extent)", Set.of("dvd", "dvm"),
            "stored fields (_source, recovery source)", Set.of("fdt", "fdx", "fdm"));

    private IndexSize() {
    }

    /** Bytes per document: {@code total} and one entry per kind, plus {@code other}. */
    static Map<String, Double> perDocument(ClusterClient client, String index) throws IOException {
        JsonNode stats = client.json("GET", "/" + index + "/_stats/segments,docs?include_segment_file_sizes=true", null)
                .path("indices").path(index).path("primaries");
        double docs = Math.max(1, stats.path("docs").path("count").asLong());
        Map<String, Double> bytes = new LinkedHashMap<>();
        double total = 0;
        for (String kind : KINDS.keySet()) {
            bytes.put(kind, 0.0);
        }
        bytes.put("other", 0.0);
        for (Map.Entry<String, JsonNode> file : stats.path("segments").path("file_sizes").properties()) {
            long size = file.getValue().path("size_in_bytes").asLong();
            total += size;
            String kind = KINDS.entrySet().stream().filter(e -> e.getValue().contains(file.getKey())).map(Map.Entry::getKey)
                    .findFirst().orElse("other");
            bytes.merge(kind, (double) size, Double::sum);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("total", total / docs);
        bytes.forEach((k, v) -> out.put(k, v / docs));
        return out;
    }
}
