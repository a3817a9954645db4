package org.align3d.trainer.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.align3d.trainer.data.TrainingShape;

/**
 * Chooses each step's shapes and one caption per shape. A share of every batch is filled with whole hard-negative
 * groups (shapes that differ in one attribute), so the fine-grained contrast the evaluation asks about is seen in
 * training too. Captions favour the finest one (half the time), else any of the shape's captions.
 */
public final class BatchSampler {

    /** Share of a batch drawn as whole hard-negative groups. */
    static final double GROUP_SHARE = 0.4;

    private final List<TrainingShape> shapes;
    private final List<List<Integer>> groups;
    private final int batchSize;

    public BatchSampler(List<TrainingShape> shapes, int batchSize) {
        if (shapes.size() < 2) {
            throw new IllegalArgumentException("training needs at least 2 shapes, got " + shapes.size());
        }
        this.shapes = shapes;
        this.batchSize = Math.min(batchSize, shapes.size());
        Map<String, List<Integer>> byGroup = new HashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            String g = shapes.get(i).hardNegativeGroup();
            if (g != null) {
                byGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(i);
            }
        }
        this.groups = byGroup.values().stream().filter(g -> g.size() > 1).sorted((a, b) -> a.get(0) - b.get(0)).toList();
    }

    public record Draw(List<TrainingShape> shapes, List<String> captions) {
    }

    public Draw next(SplittableRandom random) {
        Set<Integer> chosen = new LinkedHashSet<>();
        int fromGroups = (int) (batchSize * GROUP_SHARE);
        for (int tries = 0; !groups.isEmpty() && chosen.size() < fromGroups && tries < 4 * batchSize; tries++) {
            List<Integer> group = groups.get(random.nextInt(groups.size()));
            if (chosen.size() + group.size() <= fromGroups) {
                chosen.addAll(group);
            }
        }
        while (chosen.size() < batchSize) {
            chosen.add(random.nextInt(shapes.size()));
        }
        List<TrainingShape> batch = new ArrayList<>(batchSize);
        List<String> captions = new ArrayList<>(batchSize);
        for (int i : chosen) {
            TrainingShape s = shapes.get(i);
            batch.add(s);
            List<String> c = s.captions();
            captions.add(random.nextBoolean() ? c.get(c.size() - 1) : c.get(random.nextInt(c.size())));
        }
        return new Draw(batch, captions);
    }
}
