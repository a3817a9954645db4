package org.align3d.client.demo;

import java.net.URI;

/** The example queries the demo prints: text only, text with a tag filter, text with a keyword match. */
public final class DemoQueries {

    private DemoQueries() {
    }

    public static String curlExamples(URI url, String index) {
        String search = "curl -s -H 'Content-Type: application/json' '" + url + "/" + index + "/_search?pretty&filter_path="
                + "hits.hits._id,hits.hits._score,hits.hits._source.name,hits.hits._source.description' -d '";
        return """
                # text only: the geometry of the words
                %s{"query": {"neural_shape": {"shape": {"query_text": "an office chair with armrests and a tall back", "k": 5, "num_candidates": 100, "rerank": true}}}}'

                # hybrid: text, and only assets tagged chair (a keyword filter outside the vector search)
                %s{"query": {"bool": {"must": [{"neural_shape": {"shape": {"query_text": "a chair with four legs and no armrests", "k": 5}}}], "filter": [{"term": {"tags": "chair"}}]}}}'

                # filter inside the vector search: the k best lamps with a cone shade
                %s{"query": {"neural_shape": {"shape": {"query_text": "a tall lamp", "k": 5, "filter": {"term": {"tags": "shade:cone"}}}}}}'

                # text scores combined with a keyword match on the description
                %s{"query": {"bool": {"must": [{"neural_shape": {"shape": {"query_text": "an airplane with high wings", "k": 10}}}], "should": [{"match": {"description": "engines"}}]}}}'
                """.formatted(search, search, search, search);
    }
}
