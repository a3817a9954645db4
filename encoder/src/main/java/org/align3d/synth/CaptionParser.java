package org.align3d.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads back which attribute values a caption names, by the forms the category declares: at each word the
 * longest form that matches is taken ("no armrests" over "armrests", "a tall back" over "tall"). Used to prove
 * captions agree with attributes, and by evaluation to decide which attributes a query asks for.
 */
public final class CaptionParser {

    private record Form(String text, String attribute, String value) {
    }

    private final List<Form> forms = new ArrayList<>();

    public CaptionParser(Category category) {
        for (Attribute a : category.attributes()) {
            for (AttributeValue v : a.values()) {
                for (String f : v.adjectives()) {
                    forms.add(new Form(f.toLowerCase(Locale.ROOT), a.name(), v.value()));
                }
                for (String f : v.phrases()) {
                    forms.add(new Form(f.toLowerCase(Locale.ROOT), a.name(), v.value()));
                }
            }
        }
        forms.sort((x, y) -> Integer.compare(y.text.length(), x.text.length()));
    }

    /** Attribute name to the values the caption names for it (more than one means the caption contradicts itself). */
    public Map<String, Set<String>> parse(String caption) {
        String text = caption.toLowerCase(Locale.ROOT);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            if (!isWordChar(text.charAt(i)) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            Form match = null;
            for (Form f : forms) {
                int end = i + f.text.length();
                if (text.startsWith(f.text, i) && (end == text.length() || !isWordChar(text.charAt(end)))) {
                    match = f;
                    break;
                }
            }
            if (match != null) {
                out.computeIfAbsent(match.attribute, k -> new LinkedHashSet<>()).add(match.value);
                i += match.text.length();
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }
}
