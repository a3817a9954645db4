package org.align3d.trainer.eval;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers {@code ./align3d eval} prints and writes. Fractions in [0, 1]; NaN where the data has nothing to
 * measure (e.g. no part labels).
 *
 * @param gallery           shapes ranked per query
 * @param textToShape       exact-pair recall at 1, 5, 10 for fine captions, HAF-reranked
 * @param textToShapeGlobal the same ranked by the global cosine alone
 * @param attributePrecision attribute-consistent precision at 1 and 5 (a hit has every attribute the caption names) and
 *                          mean average precision over the whole ranking (for one-noun captions, as a catalogue probe's
 *                          "a chair", the steadier measure: P@1 of such a caption is one shape's verdict), HAF
 * @param attributePrecisionGlobal the same, global only
 * @param shapeToText       3D-to-text recall at 1 (global)
 * @param classification    zero-shot category top-1 and top-5 over "a {category}" prompts, scored with the
 *                          classification HAF policy (printed in the HAF column: that policy may weigh the part level)
 * @param hardNegativeGlobal accuracy within hard-negative groups, global only
 * @param hardNegativeHaf   the same with HAF
 * @param partMiou          zero-shot part segmentation mIoU from part names
 * @param partLabeller      what labelled the points for {@code partMiou}: {@code "head"} (the bundle's part head) or
 *                          {@code "patches"} (patch vectors interpolated)
 * @param describedMedian   median number of gallery shapes each query caption describes (its own shape included)
 * @param exactPairCeiling  exact-pair recall at 1, 5, 10 that a model ranking every described shape first, in random
 *                          order, would reach: the mean of {@code min(1, k / described)}. Shapes the caption describes
 *                          differ only in what it does not name, so this bounds what any text model can do.
 * @param byCategory        zero-shot classification per true category, by category name
 * @param shapes            each gallery shape's zero-shot classification ({@code eval --per-shape})
 */
public record EvaluationReport(int gallery, double[] textToShape, double[] textToShapeGlobal, double[] attributePrecision,
                               double[] attributePrecisionGlobal, double shapeToText, double[] classification,
                               double hardNegativeGlobal, double hardNegativeHaf, double partMiou, String partLabeller,
                               double describedMedian,
                               double[] exactPairCeiling, Map<String, CategoryScore> byCategory,
                               List<ShapeClassification> shapes) {

    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("text_to_shape_r1", textToShape[0]);
        m.put("text_to_shape_r5", textToShape[1]);
        m.put("text_to_shape_r10", textToShape[2]);
        m.put("text_to_shape_global_r1", textToShapeGlobal[0]);
        m.put("text_to_shape_global_r5", textToShapeGlobal[1]);
        m.put("text_to_shape_global_r10", textToShapeGlobal[2]);
        m.put("attribute_p1", attributePrecision[0]);
        m.put("attribute_p5", attributePrecision[1]);
        m.put("attribute_global_p1", attributePrecisionGlobal[0]);
        m.put("attribute_global_p5", attributePrecisionGlobal[1]);
        m.put("attribute_map", attributePrecision[2]);
        m.put("attribute_global_map", attributePrecisionGlobal[2]);
        m.put("shape_to_text_r1", shapeToText);
        m.put("classification_top1", classification[0]);
        m.put("classification_top5", classification[1]);
        m.put("hard_negative_global", hardNegativeGlobal);
        m.put("hard_negative_haf", hardNegativeHaf);
        m.put("part_miou", partMiou);
        m.put("described_shapes_median", describedMedian);
        m.put("exact_pair_ceiling_r1", exactPairCeiling[0]);
        m.put("exact_pair_ceiling_r5", exactPairCeiling[1]);
        m.put("exact_pair_ceiling_r10", exactPairCeiling[2]);
        return m;
    }

    /** A markdown table: metric, HAF (the full query), global only. */
    public String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Gallery of %d shapes; fine-grained captions as queries.%n%n", gallery));
        s.append("| metric | HAF rerank | global only |\n|---|---:|---:|\n");
        row(s, "text->3D R@1 (exact pair)", textToShape[0], textToShapeGlobal[0]);
        row(s, "text->3D R@5 (exact pair)", textToShape[1], textToShapeGlobal[1]);
        row(s, "text->3D R@10 (exact pair)", textToShape[2], textToShapeGlobal[2]);
        row(s, "attribute-consistent P@1", attributePrecision[0], attributePrecisionGlobal[0]);
        row(s, "attribute-consistent P@5", attributePrecision[1], attributePrecisionGlobal[1]);
        row(s, "attribute-consistent mAP", attributePrecision[2], attributePrecisionGlobal[2]);
        row(s, "hard-negative accuracy", hardNegativeHaf, hardNegativeGlobal);
        row(s, "3D->text R@1", Double.NaN, shapeToText);
        row(s, "zero-shot category top-1 (classification policy)", classification[0], Double.NaN);
        row(s, "zero-shot category top-5 (classification policy)", classification[1], Double.NaN);
        row(s, "zero-shot part segmentation mIoU", partMiou, Double.NaN);
        s.append(String.format(Locale.ROOT, "%nEach caption describes %.0f gallery shapes (median), which differ only in what the"
            + " caption does not name; a model ranking exactly those first would reach exact-pair R@1/5/10 %.3f / %.3f / %.3f.%n",
            describedMedian, exactPairCeiling[0], exactPairCeiling[1], exactPairCeiling[2]));
        if (!byCategory.isEmpty()) {
            s.append("\nZero-shot classification and part segmentation by category:\n\n"
                + "| category | shapes | top-1 | top-5 | most often taken for | part mIoU |\n|---|---:|---:|---:|---|---:|\n");
            byCategory.forEach((name, c) -> s.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %s | %s |%n",
                name, c.shapes(), c.top1(), c.top5(), c.confused() == null ? "-" : c.confused(), cell(c.partMiou()))));
        }
        return s.toString();
    }

    public String json() {
        StringBuilder s = new StringBuilder("{\"gallery\": ").append(gallery);
        for (Map.Entry<String, Double> e : metrics().entrySet()) {
            s.append(", \"").append(e.getKey()).append("\": ").append(Double.isNaN(e.getValue()) ? "null"
                : String.format(Locale.ROOT, "%.4f", e.getValue()));
        }
        s.append(", \"part_labeller\": ").append(quote(partLabeller));
        s.append(", \"classification_by_category\": {");
        String sep = "";
        for (Map.Entry<String, CategoryScore> e : byCategory.entrySet()) {
            CategoryScore c = e.getValue();
            s.append(sep).append(quote(e.getKey())).append(String.format(Locale.ROOT,
                ": {\"shapes\": %d, \"top1\": %.4f, \"top5\": %.4f, \"confused_with\": %s, \"part_miou\": %s}",
                c.shapes(), c.top1(), c.top5(), c.confused() == null ? "null" : quote(c.confused()),
                Double.isNaN(c.partMiou()) ? "null" : String.format(Locale.ROOT, "%.4f", c.partMiou())));
            sep = ", ";
        }
        return s.append("}}").toString();
    }

    /** A JSON string literal (category names come from users' manifests), escaped by Jackson. */
    private static String quote(String v) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(v)) + "\"";
    }

    private static void row(StringBuilder s, String name, double haf, double global) {
        s.append("| ").append(name).append(" | ").append(cell(haf)).append(" | ").append(cell(global)).append(" |\n");
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
