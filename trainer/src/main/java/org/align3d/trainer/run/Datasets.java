package org.align3d.trainer.run;

import java.util.ArrayList;
import java.util.List;
import org.align3d.synth.Split;
import org.align3d.trainer.data.TrainingShape;

/**
 * The shapes of a run divided into train, validation and test. Shapes carry their split (the generator assigns
 * it; a manifest may); shapes without one are assigned by a hash of their id, 80/10/10, so the division is stable
 * across runs and machines.
 */
public record Datasets(List<TrainingShape> train, List<TrainingShape> val, List<TrainingShape> test) {

    public static Datasets split(List<TrainingShape> all, int maxVal, int maxTest) {
        List<TrainingShape> train = new ArrayList<>();
        List<TrainingShape> val = new ArrayList<>();
        List<TrainingShape> test = new ArrayList<>();
        for (TrainingShape s : all) {
            Split split = s.split() != null ? s.split() : byHash(s.id());
            switch (split) {
                case TRAIN -> train.add(s);
                case VAL -> val.add(s);
                case TEST -> test.add(s);
            }
        }
        return new Datasets(train, val.subList(0, Math.min(maxVal, val.size())), test.subList(0, Math.min(maxTest, test.size())));
    }

    /**
     * Refuses data a run cannot validate or test on: training measures validation every few hundred steps and tests
     * at the end, each on at least two shapes.
     *
     * @param data what the shapes came from, for the message
     */
    public Datasets requireValAndTest(String data) {
        if (val.size() < 2 || test.size() < 2) {
            throw new IllegalArgumentException(data + " has " + val.size() + " validation and " + test.size() + " test shapes;"
                + " a run needs at least 2 of each (a manifest line's \"split\" says which, else its id's hash: 10% each)");
        }
        return this;
    }

    private static Split byHash(String id) {
        int bucket = Math.floorMod(id.hashCode() * 0x9E3779B1, 10);
        return bucket == 0 ? Split.VAL : bucket == 1 ? Split.TEST : Split.TRAIN;
    }
}
