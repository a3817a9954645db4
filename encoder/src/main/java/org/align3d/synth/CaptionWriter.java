package org.align3d.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a sample's captions from coarse to fine: the category noun ("a chair"); a subtype or one attribute
 * ("an office chair"); about half the attributes; and every attribute ("an armless, tall chair with a five-star
 * base and a mesh back"). Nouns, word forms, order of adjectives and phrasing vary with the random source.
 */
public final class CaptionWriter {

    /** Captions per sample, coarse to fine. */
    public static final int LEVELS = 4;

    public List<Caption> write(Category category, Map<String, String> values, List<CaptionTemplate> templates,
                               SplittableRandom random) {
        List<Caption> out = new ArrayList<>(LEVELS);
        String noun = pick(category.nouns(), random);
        out.add(new Caption(withArticle(noun), Caption.COARSE));
        List<Attribute> attributes = category.attributes();
        String subtype = category.subtype(values);
        if (subtype != null) {
            out.add(new Caption(withArticle(subtype), "subtype"));
        } else {
            out.add(render(category, values, List.of(attributes.get(random.nextInt(attributes.size()))), noun,
                    templates, random));
        }
        List<Attribute> half = new ArrayList<>(attributes);
        int keep = Math.max(1, (attributes.size() + 1) / 2);
        while (half.size() > keep) {
            half.remove(random.nextInt(half.size()));
        }
        out.add(render(category, values, half, pick(category.nouns(), random), templates, random));
        out.add(render(category, values, attributes, pick(category.nouns(), random), templates, random));
        return out;
    }

    private Caption render(Category category, Map<String, String> values, List<Attribute> mentioned, String noun,
                           List<CaptionTemplate> templates, SplittableRandom random) {
        List<String> adjectives = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (Attribute attribute : mentioned) {
            AttributeValue v = attribute.value(values.get(attribute.name()));
            boolean useAdjective = v.phrases().isEmpty() || (!v.adjectives().isEmpty() && random.nextBoolean());
            if (useAdjective) {
                adjectives.add(pick(v.adjectives(), random));
            } else {
                phrases.add(pick(v.phrases(), random));
            }
        }
        StringBuilder np = new StringBuilder();
        for (int i = 0; i < adjectives.size(); i++) {
            np.append(adjectives.get(i)).append(i + 1 < adjectives.size() ? ", " : " ");
        }
        np.append(noun);
        CaptionTemplate template = pick(templates, random);
        return new Caption(template.render(withArticle(np.toString()), join(phrases)), template.id());
    }

    private static String join(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String withArticle(String phrase) {
        char c = Character.toLowerCase(phrase.charAt(0));
        boolean vowel = "aeio".indexOf(c) >= 0 || (c == 'u' && !phrase.startsWith("uni") && !phrase.startsWith("use"));
        if (phrase.startsWith("one")) {
            vowel = false;
        }
        if (Character.isDigit(c)) {
            vowel = c == '8';
        }
        return (vowel ? "an " : "a ") + phrase;
    }

    private static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }
}
