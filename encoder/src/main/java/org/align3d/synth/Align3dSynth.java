package org.align3d.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.align3d.mesh.Mesh;
import org.align3d.synth.category.Categories;

/**
 * Align3D-synth, the procedural text-3D dataset: shapes of everyday categories built from named parts, with
 * attributes that change the geometry, captions from coarse to fine, compositional splits and hard-negative
 * groups. The same seed and count always give the same samples (and the same bytes once written).
 *
 * <p>Samples are made in units, one category after another in turn: a unit is a single shape, or (with
 * probability {@link #GROUP_RATE}) a hard-negative group: one design plus every other value of one attribute,
 * all in the same split and sharing the geometry seed, so within a group only the attribute differs.
 */
public final class Align3dSynth {

    /** Share of units that are hard-negative groups. */
    public static final double GROUP_RATE = 0.3;

    /**
     * Chance a randomly drawn design on a held-out combination is kept (else it is drawn again): categories with
     * only four value pairs would otherwise put half their samples outside training.
     */
    public static final double HELD_OUT_KEEP = 0.5;

    private final List<Category> categories;
    private final SplitPlan splits;
    private final CaptionWriter captions = new CaptionWriter();

    public Align3dSynth(List<Category> categories) {
        this.categories = List.copyOf(categories);
        this.splits = new SplitPlan(this.categories);
    }

    public Align3dSynth() {
        this(Categories.ALL);
    }

    public List<Category> categories() {
        return categories;
    }

    public SplitPlan splits() {
        return splits;
    }

    public Category category(String name) {
        for (Category c : categories) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no category " + name);
    }

    /** The captions' phrasings a split may use: training never sees held-out templates. */
    public static List<CaptionTemplate> templatesFor(Split split) {
        List<CaptionTemplate> out = new ArrayList<>();
        for (CaptionTemplate t : CaptionTemplate.values()) {
            if (split != Split.TRAIN || !t.heldOut()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Plans {@code count} samples (captions, splits, groups) without building geometry. */
    public List<SampleSpec> plan(long seed, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<SampleSpec> out = new ArrayList<>(count);
        int groups = 0;
        for (long unit = 0; out.size() < count; unit++) {
            SplittableRandom random = new SplittableRandom(mix(seed, unit));
            Category category = categories.get((int) (unit % categories.size()));
            Map<String, String> design = randomDesign(category, random);
            if (splits.split(category, design) != Split.TRAIN && random.nextDouble() >= HELD_OUT_KEEP) {
                design = randomDesign(category, random);
            }
            long geometrySeed = random.nextLong();
            List<Map<String, String>> members = new ArrayList<>();
            members.add(design);
            if (random.nextDouble() < GROUP_RATE) {
                members.addAll(siblings(category, design, random));
            }
            int room = count - out.size();
            if (members.size() > room) {
                members = members.subList(0, room);
            }
            String group = members.size() > 1 ? String.format("hn-%06d", groups++) : null;
            for (Map<String, String> values : members) {
                int index = out.size();
                String id = String.format("%s-%06d", category.name(), index);
                Split split = splits.split(category, values);
                SplittableRandom captionRandom = new SplittableRandom(mix(seed ^ 0xCA9710L, index));
                out.add(new SampleSpec(id, category.name(), values, geometrySeed,
                        captions.write(category, values, templatesFor(split), captionRandom), split, group));
            }
        }
        return out;
    }

    public Mesh mesh(SampleSpec spec) {
        Category category = category(spec.category());
        return category.mesh(new Design(spec.attributes(), spec.geometrySeed()), spec.id());
    }

    private static Map<String, String> randomDesign(Category category, SplittableRandom random) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Attribute a : category.attributes()) {
            values.put(a.name(), a.values().get(random.nextInt(a.values().size())).value());
        }
        return values;
    }

    /** Designs that differ from {@code design} in one attribute only and fall in the same split. */
    private List<Map<String, String>> siblings(Category category, Map<String, String> design, SplittableRandom random) {
        List<Attribute> attributes = new ArrayList<>(category.attributes());
        Split split = splits.split(category, design);
        int start = random.nextInt(attributes.size());
        for (int k = 0; k < attributes.size(); k++) {
            Attribute varied = attributes.get((start + k) % attributes.size());
            List<Map<String, String>> out = new ArrayList<>();
            for (AttributeValue v : varied.values()) {
                if (v.value().equals(design.get(varied.name()))) {
                    continue;
                }
                Map<String, String> sibling = new LinkedHashMap<>(design);
                sibling.put(varied.name(), v.value());
                if (splits.split(category, sibling) == split) {
                    out.add(sibling);
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return List.of();
    }

    /** SplitMix64 of seed and index: independent, reproducible streams per unit and per sample. */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
