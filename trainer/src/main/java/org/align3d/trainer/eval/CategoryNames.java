package org.align3d.trainer.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.align3d.trainer.data.TrainingShape;

/**
 * Other names for categories in zero-shot classification, to measure words the model was not trained on: each
 * shape's category is replaced by its other name, so the prompts become "a sedan", "a settee", and shapes of
 * categories without one are left out of the gallery.
 *
 * <p>The file has one category per line, its name in the dataset, a tab, and the other name
 * ({@code car<TAB>sedan}); blank lines and lines starting with {@code #} are skipped. At most
 * {@link #MAX_BYTES} bytes and {@link #MAX_NAMES} names; every other name must be new and unique, since two
 * categories under one name could not be told apart.
 */
public final class CategoryNames {

    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_NAMES = 10_000;

    private final Map<String, String> names;

    private CategoryNames(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    public static CategoryNames read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException("category names " + file + ": larger than " + MAX_BYTES + " bytes");
        }
        return parse(Files.readString(file), file.toString());
    }

    static CategoryNames parse(String text, String source) {
        Map<String, String> names = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            String where = "category names " + source + " line " + (i + 1) + ": ";
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                throw new IllegalArgumentException(where + "expected a category, a tab and its other name, got [" + line + "]");
            }
            String category = fields[0].strip();
            String name = fields[1].strip();
            if (names.containsKey(category)) {
                throw new IllegalArgumentException(where + "category [" + category + "] is named twice");
            }
            if (names.containsValue(name)) {
                throw new IllegalArgumentException(where + "name [" + name + "] is not unique");
            }
            names.put(category, name);
            if (names.size() > MAX_NAMES) {
                throw new IllegalArgumentException(where + "more than " + MAX_NAMES + " names");
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("category names " + source + ": no names");
        }
        for (String name : names.values()) {
            if (names.containsKey(name)) {
                throw new IllegalArgumentException("category names " + source + ": [" + name + "] is both a category and a name");
            }
        }
        return new CategoryNames(names);
    }

    public Map<String, String> asMap() {
        return names;
    }

    /** The shapes whose category has another name, under that name; the others are left out. */
    public List<TrainingShape> rename(List<TrainingShape> shapes) {
        List<TrainingShape> out = new ArrayList<>();
        for (TrainingShape s : shapes) {
            String name = s.category() == null ? null : names.get(s.category());
            if (name != null) {
                out.add(new TrainingShape(s.id(), name, s.attributes(), s.captions(), s.captionTemplates(), s.split(),
                    s.hardNegativeGroup(), s.patches()));
            }
        }
        return out;
    }
}
