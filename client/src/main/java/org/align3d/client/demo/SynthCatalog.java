package org.align3d.client.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.align3d.synth.Align3dSynth;
import org.align3d.synth.Category;
import org.align3d.synth.SampleSpec;

/**
 * A product-like catalog from Align3D-synth: each sample gets a name from its subtype or category noun and a
 * running number per name ("Office chair #12"), tags (the category, the subtype, and {@code attribute:value} for
 * each attribute, e.g. {@code armrests:yes}) and the finest caption as its description. Samples come category by
 * category in turn, so a few hundred cover all 46 categories.
 */
public final class SynthCatalog {

    /** Size used for batching before a GLB is built: generated shapes are a few KB to a few tens of KB. */
    static final long SIZE_HINT = 32 << 10;

    private final Align3dSynth synth;

    public SynthCatalog(Align3dSynth synth) {
        this.synth = synth;
    }

    public SynthCatalog() {
        this(new Align3dSynth());
    }

    public Align3dSynth synth() {
        return synth;
    }

    public List<SynthAsset> assets(long seed, int count) {
        Map<String, Integer> numbers = new HashMap<>();
        List<SynthAsset> out = new ArrayList<>(count);
        for (SampleSpec s : synth.plan(seed, count)) {
            Category category = synth.category(s.category());
            String subtype = category.subtype(s.attributes());
            String noun = subtype != null ? subtype : category.nouns().get(0);
            String label = noun.substring(0, 1).toUpperCase(Locale.ROOT) + noun.substring(1);
            int number = numbers.merge(label, 1, Integer::sum);
            List<String> tags = new ArrayList<>();
            tags.add(category.name());
            if (subtype != null) {
                tags.add(subtype);
            }
            s.attributes().forEach((k, v) -> tags.add(k + ":" + v));
            String description = s.captions().get(s.captions().size() - 1).text();
            out.add(new SynthAsset(category.name() + "/" + s.id() + ".glb", label + " #" + number, tags, description, s,
                    synth, SIZE_HINT));
        }
        return out;
    }
}
