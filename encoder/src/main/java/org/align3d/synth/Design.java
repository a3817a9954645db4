package org.align3d.synth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The attribute values chosen for one shape, plus the random source for its geometric variation (dimension
 * jitter, small offsets), so shapes with the same attributes still differ.
 */
public final class Design {

    private final Map<String, String> values;
    private final SplittableRandom random;

    public Design(Map<String, String> values, long geometrySeed) {
        this.values = new LinkedHashMap<>(values);
        this.random = new SplittableRandom(geometrySeed);
    }

    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public String get(String attribute) {
        String v = values.get(attribute);
        if (v == null) {
            throw new IllegalArgumentException("design has no attribute " + attribute);
        }
        return v;
    }

    public boolean is(String attribute, String value) {
        return get(attribute).equals(value);
    }

    public boolean has(String attribute) {
        return is(attribute, "yes");
    }

    public int count(String attribute) {
        return Integer.parseInt(get(attribute));
    }

    /** {@code base} times a random factor in [1 - fraction, 1 + fraction]. */
    public double vary(double base, double fraction) {
        return base * (1 + fraction * (2 * random.nextDouble() - 1));
    }

    /** {@code base} varied by the default 8%. */
    public double vary(double base) {
        return vary(base, 0.08);
    }

    /** A small random offset in [-amount, amount]. */
    public double jitter(double amount) {
        return amount * (2 * random.nextDouble() - 1);
    }

    /**
     * True with probability {@code p}: for how a shape is made where no attribute says (a vase modelled hollow or
     * solid, as catalogue meshes are one or the other).
     */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** One of two sizes by attribute value, then varied: {@code pick("height", "tall", 1.2, 0.8)}. */
    public double pick(String attribute, String value, double ifValue, double otherwise) {
        return vary(is(attribute, value) ? ifValue : otherwise);
    }
}
