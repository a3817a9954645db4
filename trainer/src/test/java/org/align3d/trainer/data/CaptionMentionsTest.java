package org.align3d.trainer.data;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.align3d.sampling.Patches;
import org.align3d.sampling.PointCloud;
import org.junit.Test;

public class CaptionMentionsTest {

    private static final Patches PATCHES = new Patches(new PointCloud(new float[] {0, 0, 0}, new float[] {0, 1, 0}, null, List.of()),
        new int[] {0}, new int[] {0}, 1);

    private static TrainingShape shape(String id, String category, Map<String, String> attributes, String... captions) {
        return new TrainingShape(id, category, attributes, List.of(captions), List.of(), null, null, PATCHES);
    }

    /** Real meshes of categories the generator does not know: the same caption describes each of them. */
    @Test
    public void anUnknownCategorysCaptionDescribesTheShapesItCaptions() {
        CaptionMentions mentions = new CaptionMentions();
        TrainingShape dino = shape("dino", "dinosaur", Map.of(), "a dinosaur");
        TrainingShape triceratops = shape("triceratops", "dinosaur", Map.of(), "a dinosaur");
        TrainingShape longNeck = shape("diplodocus", "dinosaur", Map.of(), "a dinosaur with a long neck");
        TrainingShape rabbit = shape("rabbit", "rabbit", Map.of(), "a dinosaur");
        assertTrue(mentions.describes(dino, "a dinosaur", dino));
        assertTrue(mentions.describes(dino, "a dinosaur", triceratops));
        assertFalse("its caption says more, which cannot be parsed", mentions.describes(dino, "a dinosaur", longNeck));
        assertFalse("another category", mentions.describes(dino, "a dinosaur", rabbit));
    }

    @Test
    public void aKnownCategorysCaptionDescribesTheShapesWithTheValuesItNames() {
        CaptionMentions mentions = new CaptionMentions();
        TrainingShape withSail = shape("a", "boat", Map.of("sail", "yes", "cabin", "no", "length", "long"), "a boat with a mast and sail");
        TrainingShape noSail = shape("b", "boat", Map.of("sail", "no", "cabin", "no", "length", "long"), "a boat");
        assertTrue(mentions.describes(withSail, "a boat", noSail));
        assertFalse(mentions.describes(withSail, "a boat with a mast and sail", noSail));
    }
}
