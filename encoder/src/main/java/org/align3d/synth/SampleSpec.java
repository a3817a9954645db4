package org.align3d.synth;

import java.util.List;
import java.util.Map;

/**
 * Everything about one generated sample except its geometry, which {@link Align3dSynth#mesh(SampleSpec)}
 * builds on demand from the category, the attributes and the geometry seed.
 *
 * @param id                unique within the dataset, e.g. {@code chair-000042}
 * @param category          category name
 * @param attributes        attribute name to value, in the category's order
 * @param geometrySeed      seeds the per-shape variation; members of a hard-negative group share it
 * @param captions          coarse to fine
 * @param split             train, val or test
 * @param hardNegativeGroup the group id, or null: members share the category and differ in exactly one attribute
 */
public record SampleSpec(String id, String category, Map<String, String> attributes, long geometrySeed,
                         List<Caption> captions, Split split, String hardNegativeGroup) {

    public SampleSpec {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        captions = List.copyOf(captions);
    }
}
