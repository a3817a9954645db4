package org.align3d.trainer.data;

import java.util.List;
import java.util.Map;
import org.align3d.sampling.Patches;
import org.align3d.synth.Split;

/**
 * One asset ready for training and evaluation: its patches (the encoder's input) and what is known about it.
 *
 * @param id                unique id (manifest {@code id})
 * @param category          category name, or null for a user's catalog line without one
 * @param attributes        attribute values (empty when unknown)
 * @param captions          descriptions, coarse to fine for generated data
 * @param captionTemplates  per caption its template id ({@code coarse}, {@code subtype}, {@code t0}..), or empty
 * @param split             train, val or test; null when the manifest assigns none
 * @param hardNegativeGroup shapes sharing it differ in exactly one attribute; null when in no group
 * @param patches           the sampled, normalised cloud grouped into patches; per-point part labels when known
 */
public record TrainingShape(String id, String category, Map<String, String> attributes, List<String> captions,
                            List<String> captionTemplates, Split split, String hardNegativeGroup, Patches patches) {

    public boolean hasParts() {
        return patches.cloud().hasLabels();
    }

    public List<String> partNames() {
        return patches.cloud().labelNames();
    }
}
