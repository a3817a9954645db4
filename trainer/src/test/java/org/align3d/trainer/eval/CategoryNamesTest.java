package org.align3d.trainer.eval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.align3d.synth.Align3dSynth;
import org.align3d.synth.Caption;
import org.align3d.synth.Category;
import org.align3d.synth.SampleSpec;
import org.junit.Test;

public class CategoryNamesTest {

    private static final Path HELD_OUT = Path.of("..", "bench-results", "held-out-nouns.tsv");

    /** The probe measures words no training caption used: the generator must never write one. */
    @Test
    public void heldOutNounsAreNeverWrittenByTheGenerator() throws Exception {
        Map<String, String> names = CategoryNames.read(HELD_OUT).asMap();
        Align3dSynth synth = new Align3dSynth();
        for (String name : names.values()) {
            Pattern word = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
            for (Category c : synth.categories()) {
                for (String noun : c.nouns()) {
                    assertFalse(c.name() + " noun [" + noun + "] uses held-out [" + name + "]", word.matcher(noun).find());
                }
            }
            for (SampleSpec s : synth.plan(1, 8000)) {
                if (s.id().endsWith("00")) {
                    for (String part : synth.mesh(s).partNames()) {
                        assertFalse(s.id() + " part [" + part + "] is held-out [" + name + "]", word.matcher(part).find());
                    }
                }
                for (Caption caption : s.captions()) {
                    assertFalse(s.id() + " caption [" + caption.text() + "] uses held-out [" + name + "]",
                        word.matcher(caption.text().toLowerCase(Locale.ROOT)).find());
                }
            }
        }
        for (String category : names.keySet()) {
            assertTrue("held-out names are keyed by the generator's categories (or the probe's rabbit): " + category,
                category.equals("rabbit") || synth.categories().stream().anyMatch(c -> c.name().equals(category)));
        }
    }

    @Test
    public void badFilesAreRefusedWithTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> CategoryNames.parse("# c\ncar\tsedan\nchair armchair\n", "f.tsv"));
        assertTrue(e.getMessage(), e.getMessage().contains("f.tsv line 3"));
        e = assertThrows(IllegalArgumentException.class, () -> CategoryNames.parse("car\tsedan\nbus\tsedan\n", "f.tsv"));
        assertTrue(e.getMessage(), e.getMessage().contains("[sedan] is not unique"));
        for (String both : List.of("car\tbus\nbus\tcoach\n", "bus\tcoach\ncar\tbus\n")) {
            e = assertThrows(IllegalArgumentException.class, () -> CategoryNames.parse(both, "f.tsv"));
            assertTrue(e.getMessage(), e.getMessage().contains("[bus] is both a category and a name"));
        }
        assertThrows(IllegalArgumentException.class, () -> CategoryNames.parse("# nothing\n", "f.tsv"));
        assertEquals(Map.of("car", "sedan"), CategoryNames.parse("\ncar\tsedan\n", "f.tsv").asMap());
    }
}
