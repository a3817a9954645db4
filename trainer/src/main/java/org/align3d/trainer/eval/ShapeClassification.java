package org.align3d.trainer.eval;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.Locale;

/**
 * One gallery shape's zero-shot classification: the categories of the gallery ranked by the classification policy's
 * score for their prompt ("a chair"), best first. {@code ./align3d eval --per-shape FILE} writes one per line, so a
 * user sees which of their meshes are taken for what:
 * <pre>{"id": "chair-7", "category": "chair", "rank": 2, "top5": [{"category": "sofa", "score": 0.4123}, ...]}</pre>
 *
 * @param id       the shape's id (the manifest's {@code id})
 * @param category its true category
 * @param rank     where its own category ranks, from 1
 * @param ranked   the categories, best first
 * @param scores   their fused HAF scores, in the same order
 */
public record ShapeClassification(String id, String category, int rank, List<String> ranked, double[] scores) {

    /** The category scored best, which is the prediction. */
    public String predicted() {
        return ranked.get(0);
    }

    /** One JSON object on one line: id, category, rank and the five best categories with their scores. */
    public String json() {
        StringBuilder s = new StringBuilder("{\"id\": ").append(quote(id)).append(", \"category\": ").append(quote(category))
            .append(", \"rank\": ").append(rank).append(", \"top5\": [");
        for (int i = 0; i < Math.min(5, ranked.size()); i++) {
            s.append(i == 0 ? "" : ", ").append("{\"category\": ").append(quote(ranked.get(i)))
                .append(String.format(Locale.ROOT, ", \"score\": %.4f}", scores[i]));
        }
        return s.append("]}").toString();
    }

    private static String quote(String v) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(v)) + "\"";
    }
}
