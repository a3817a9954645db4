package org.align3d.synth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which attribute combinations each split may hold. For every category, the pairs of values of its first two
 * attributes (its split pair) are shuffled with a fixed salt: about a fifth of the pairs belong to test, a tenth
 * to validation, the rest to training, with every single value still seen in training. A shape's split is the
 * split of its pair, so a test shape's combination ("a stool with three legs AND a round seat") never occurs
 * in training although each value does. The salt is fixed, not the dataset seed, so datasets generated with
 * different seeds agree on what is held out.
 */
public final class SplitPlan {

    static final long SALT = 0x5EED_A11C_3D00L;
    static final double TEST_SHARE = 0.2;
    static final double VAL_SHARE = 0.1;

    private final Map<String, Map<String, Split>> byCategory = new LinkedHashMap<>();

    public SplitPlan(List<Category> categories) {
        for (Category c : categories) {
            byCategory.put(c.name(), plan(c));
        }
    }

    private static String key(String a, String b) {
        return a + "\u0000" + b;
    }

    private static Map<String, Split> plan(Category category) {
        Attribute first = category.attributes().get(0);
        Attribute second = category.attributes().get(1);
        List<String[]> pairs = new ArrayList<>();
        for (String a : first.valueNames()) {
            for (String b : second.valueNames()) {
                pairs.add(new String[] {a, b});
            }
        }
        int test = Math.max(1, (int) Math.round(TEST_SHARE * pairs.size()));
        int val = Math.max(1, (int) Math.round(VAL_SHARE * pairs.size()));
        SplittableRandom random = new SplittableRandom(SALT ^ category.name().hashCode());
        for (int attempt = 0; attempt < 1000; attempt++) {
            List<String[]> order = new ArrayList<>(pairs);
            for (int i = order.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String[] t = order.get(i);
                order.set(i, order.get(j));
                order.set(j, t);
            }
            Map<String, Split> out = new LinkedHashMap<>();
            Set<String> trainFirst = new HashSet<>();
            Set<String> trainSecond = new HashSet<>();
            for (int i = 0; i < order.size(); i++) {
                Split s = i < test ? Split.TEST : i < test + val ? Split.VAL : Split.TRAIN;
                out.put(key(order.get(i)[0], order.get(i)[1]), s);
                if (s == Split.TRAIN) {
                    trainFirst.add(order.get(i)[0]);
                    trainSecond.add(order.get(i)[1]);
                }
            }
            if (trainFirst.size() == first.values().size() && trainSecond.size() == second.values().size()) {
                return out;
            }
        }
        throw new IllegalStateException(category.name() + ": its split pair has too few combinations to hold any out");
    }

    public Split split(Category category, Map<String, String> values) {
        Attribute first = category.attributes().get(0);
        Attribute second = category.attributes().get(1);
        return byCategory.get(category.name()).get(key(values.get(first.name()), values.get(second.name())));
    }

    /** The held-out value pairs of a category for one split, as "attr=value" pairs. */
    public List<List<String>> heldOut(Category category, Split split) {
        Attribute first = category.attributes().get(0);
        Attribute second = category.attributes().get(1);
        List<List<String>> out = new ArrayList<>();
        for (Map.Entry<String, Split> e : byCategory.get(category.name()).entrySet()) {
            if (e.getValue() == split) {
                String[] ab = e.getKey().split("\u0000");
                out.add(List.of(first.name() + "=" + ab[0], second.name() + "=" + ab[1]));
            }
        }
        return out;
    }
}
