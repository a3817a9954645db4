package org.align3d.trainer.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.align3d.synth.Align3dSynth;
import org.align3d.synth.CaptionParser;
import org.align3d.synth.Category;

/**
 * Which attribute values each caption names, so training and evaluation can tell which shapes a caption truly
 * describes: "a chair" describes every chair, "a chair with armrests" only those with armrests. A shape is a
 * positive for a caption when it is the caption's own shape, or has the caption's category and every attribute
 * value the caption names. Captions of categories the generator does not know cannot be parsed: a shape is a
 * positive for one when it is the caption's own, or a shape of the same category with the very same caption among its
 * own (three dinosaurs each captioned "a dinosaur" are all described by it).
 */
public final class CaptionMentions {

    private final Map<String, CaptionParser> parsers = new HashMap<>();
    private final Align3dSynth synth = new Align3dSynth();
    private final Map<String, Map<String, Set<String>>> cache = new HashMap<>();

    /** Attribute name to the values the caption names (empty when it names none or the category is unknown). */
    public synchronized Map<String, Set<String>> mentions(String category, String caption) {
        if (category == null) {
            return Map.of();
        }
        return cache.computeIfAbsent(category + "\u0000" + caption, k -> {
            CaptionParser parser = parsers.computeIfAbsent(category, c -> {
                Category known = synth.categories().stream().filter(x -> x.name().equals(c)).findFirst().orElse(null);
                return known == null ? null : new CaptionParser(known);
            });
            return parser == null ? Map.of() : parser.parse(caption);
        });
    }

    /** Whether {@code candidate} is described by caption {@code caption} of shape {@code owner}. */
    public boolean describes(TrainingShape owner, String caption, TrainingShape candidate) {
        if (owner.id().equals(candidate.id())) {
            return true;
        }
        if (owner.category() == null || !owner.category().equals(candidate.category())) {
            return false;
        }
        if (!isCategoryKnown(owner.category())) {
            return candidate.captions().contains(caption);
        }
        Map<String, Set<String>> named = mentions(owner.category(), caption);
        for (Map.Entry<String, Set<String>> e : named.entrySet()) {
            String value = candidate.attributes().get(e.getKey());
            if (value == null || !e.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }

    private boolean isCategoryKnown(String category) {
        List<Category> all = synth.categories();
        return all.stream().anyMatch(c -> c.name().equals(category));
    }
}
