package org.align3d.trainer.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.align3d.encoder.embed.QueryEmbedder;
import org.align3d.encoder.embed.ShapeEmbedder;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.haf.HafShape;
import org.align3d.encoder.text.EncodedText;
import org.align3d.trainer.data.TrainingShape;

/**
 * A gallery embedded once for evaluation and calibration: every shape, its finest caption as a query, and (for
 * classification) one prompt per category. Everything a metric or a calibration reward needs is here, so neither
 * runs a network again.
 *
 * @param shapes     the gallery's shapes
 * @param embedded   their embeddings, same order
 * @param queries    per shape, its finest caption embedded (the fine-grained query)
 * @param captions   those captions
 * @param categories category names in the gallery, sorted
 * @param prompts    per category, the query "a {category}"
 * @param partNames  part-name vectors in token space, by name
 */
public record EmbeddedGallery(List<TrainingShape> shapes, List<HafShape> embedded, List<HafQuery> queries,
                              List<String> captions, List<String> categories, List<HafQuery> prompts,
                              Map<String, float[]> partNames) {

    /** Embeds {@code shapes}; {@code text} gives the frozen model's output for a text (usually a caption bank). */
    public static EmbeddedGallery embed(List<TrainingShape> shapes, ShapeEmbedder shapeEmbedder, QueryEmbedder queryEmbedder,
                                        java.util.function.Function<String, EncodedText> text) {
        List<HafShape> embedded = shapeEmbedder.embed(shapes.stream().map(TrainingShape::patches).toList());
        List<String> captions = shapes.stream().map(s -> s.captions().get(s.captions().size() - 1)).toList();
        List<HafQuery> queries = queryEmbedder.embed(captions.stream().map(text).toList());
        List<String> categories = shapes.stream().map(TrainingShape::category).filter(c -> c != null).distinct().sorted().toList();
        List<HafQuery> prompts = new ArrayList<>();
        for (String c : categories) {
            prompts.add(queryEmbedder.embed(text.apply(prompt(c))));
        }
        Map<String, float[]> partNames = new HashMap<>();
        for (TrainingShape s : shapes) {
            for (String name : s.partNames()) {
                partNames.computeIfAbsent(name, n -> queryEmbedder.partVector(text.apply(n)));
            }
        }
        return new EmbeddedGallery(shapes, embedded, queries, captions, categories, prompts, partNames);
    }

    /** The zero-shot classification prompt of a category: "a chair", "an airplane". */
    public static String prompt(String category) {
        return ("aeiou".indexOf(category.charAt(0)) >= 0 ? "an " : "a ") + category;
    }
}
