package org.align3d.synth;

import java.util.List;

/**
 * One value of an attribute and the words a caption may use for it: adjectives go before the noun ("a
 * <b>three-legged</b> stool"), phrases after "with" ("a stool with <b>three legs</b>"). A caption names the value
 * with one of these forms, and {@link CaptionParser} recognises exactly these forms.
 *
 * @param value      the value as the manifest records it ({@code "3"}, {@code "yes"}, {@code "round"})
 * @param adjectives forms used before the noun, possibly empty
 * @param phrases    forms used after "with", possibly empty (not both empty)
 */
public record AttributeValue(String value, List<String> adjectives, List<String> phrases) {

    public AttributeValue {
        adjectives = List.copyOf(adjectives);
        phrases = List.copyOf(phrases);
        if (adjectives.isEmpty() && phrases.isEmpty()) {
            throw new IllegalArgumentException("attribute value " + value + " needs at least one form");
        }
    }

    public static AttributeValue adjective(String value, String... adjectives) {
        return new AttributeValue(value, List.of(adjectives), List.of());
    }

    public static AttributeValue phrase(String value, String... phrases) {
        return new AttributeValue(value, List.of(), List.of(phrases));
    }

    public AttributeValue orAdjective(String... more) {
        return new AttributeValue(value, List.of(more), phrases);
    }
}
