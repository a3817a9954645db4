package org.align3d.synth;

import java.util.ArrayList;
import java.util.List;

/** A named property of a category whose values change the geometry, e.g. {@code legs: 3 | 4}. */
public record Attribute(String name, List<AttributeValue> values) {

    private static final String[] NUMBER_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve"};

    public Attribute {
        values = List.copyOf(values);
        if (values.size() < 2) {
            throw new IllegalArgumentException("attribute " + name + " needs at least two values");
        }
    }

    public static Attribute of(String name, AttributeValue... values) {
        return new Attribute(name, List.of(values));
    }

    /**
     * A count: value "3" reads "three legs" or "3 legs", and with an adjective stem also "three-legged".
     *
     * @param plural        the counted noun, plural ("legs")
     * @param adjectiveStem e.g. "legged" for "three-legged", or null
     */
    public static Attribute count(String name, String plural, String adjectiveStem, int... counts) {
        List<AttributeValue> values = new ArrayList<>();
        for (int n : counts) {
            String word = NUMBER_WORDS[n];
            List<String> adjectives = adjectiveStem == null ? List.of() : List.of(word + "-" + adjectiveStem);
            values.add(new AttributeValue(Integer.toString(n), adjectives, List.of(word + " " + plural, n + " " + plural)));
        }
        return new Attribute(name, values);
    }

    /** Presence: "yes" reads as the phrase ("armrests"), "no" as "no armrests" or the given adjective. */
    public static Attribute presence(String name, String phrase, String absentAdjective) {
        AttributeValue yes = AttributeValue.phrase("yes", phrase);
        List<String> absentPhrases = List.of("no " + stripArticle(phrase));
        AttributeValue no = new AttributeValue("no", absentAdjective == null ? List.of() : List.of(absentAdjective),
                absentPhrases);
        return new Attribute(name, List.of(yes, no));
    }

    private static String stripArticle(String phrase) {
        return phrase.startsWith("a ") ? phrase.substring(2) : phrase.startsWith("an ") ? phrase.substring(3) : phrase;
    }

    public AttributeValue value(String value) {
        for (AttributeValue v : values) {
            if (v.value().equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("attribute " + name + " has no value " + value);
    }

    public List<String> valueNames() {
        return values.stream().map(AttributeValue::value).toList();
    }
}
