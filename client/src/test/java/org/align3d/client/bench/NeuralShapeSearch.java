package org.align3d.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.align3d.client.http.ClusterClient;

/** One neural_shape query over HTTP, timed on the client, with the node's own {@code took}. */
final class NeuralShapeSearch {

    /**
     * How a query searches.
     *
     * @param k             hits
     * @param numCandidates ANN candidates (HAF reranks these when {@code rerank})
     * @param rerank        HAF rerank on or off
     * @param searchLeaves  ERS leaves visited; 0 = the field's default
     */
    record Mode(String name, int k, int numCandidates, boolean rerank, int searchLeaves) {
    }

    /** Hit ids in rank order, the client's wall time and the node's took, in milliseconds. */
    record Result(List<String> ids, double wallMillis, long tookMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClusterClient client;
    private final String index;

    NeuralShapeSearch(ClusterClient client, String index) {
        this.client = client;
        this.index = index;
    }

    Result search(String text, Mode mode) throws IOException {
        return search(text, mode, null);
    }

    /** With {@code onlyIds} non-null, the ANN search is filtered to those documents (inside the vector search). */
    Result search(String text, Mode mode, List<String> onlyIds) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", mode.k());
        body.put("_source", false);
        ObjectNode shape = body.putObject("query").putObject("neural_shape").putObject("shape");
        shape.put("query_text", text);
        shape.put("k", mode.k());
        shape.put("num_candidates", mode.numCandidates());
        shape.put("rerank", mode.rerank());
        if (onlyIds != null) {
            var values = shape.putObject("filter").putObject("ids").putArray("values");
            onlyIds.forEach(values::add);
        }
        if (mode.searchLeaves() > 0) {
            shape.put("search_leaves", mode.searchLeaves());
        }
        long start = System.nanoTime();
        JsonNode answer = client.json("POST", "/" + index + "/_search", body);
        double wall = (System.nanoTime() - start) / 1e6;
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : answer.at("/hits/hits")) {
            ids.add(hit.get("_id").asText());
        }
        return new Result(ids, wall, answer.path("took").asLong());
    }
}
