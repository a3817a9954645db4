package org.align3d.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.encoder.text.EncodedText;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.sampling.Patches;
import org.align3d.trainer.data.CaptionBank;
import org.align3d.trainer.data.CaptionMentions;
import org.align3d.trainer.data.TrainingShape;

/** Assembles a {@link Batch} from shapes and one chosen caption per shape. */
public final class BatchBuilder {

    private static final int D = FrozenTextEncoder.DIM;
    private final ShapeEncoderConfig config;
    private final CaptionBank bank;
    private final CaptionMentions mentions;

    public BatchBuilder(ShapeEncoderConfig config, CaptionBank bank, CaptionMentions mentions) {
        this.config = config;
        this.bank = bank;
        this.mentions = mentions;
    }

    /**
     * @param shapes   the batch's shapes
     * @param captions caption {@code i} describes {@code shapes.get(i)}
     */
    public Batch build(NDManager manager, List<TrainingShape> shapes, List<String> captions, Augmentation augmentation,
                       SplittableRandom random) {
        int b = shapes.size();
        int p = config.patches();
        int k = config.patchSize();
        float[] features = new float[b * p * k * config.channels()];
        float[] centres = new float[b * p * 3];
        for (int i = 0; i < b; i++) {
            Patches patches = shapes.get(i).patches();
            float[] f = patches.features();
            float[] c = patches.centrePositions();
            augmentation.apply(f, c, random);
            System.arraycopy(f, 0, features, i * f.length, f.length);
            System.arraycopy(c, 0, centres, i * c.length, c.length);
        }
        List<EncodedText> texts = captions.stream().map(bank::get).toList();
        int t = texts.stream().mapToInt(EncodedText::tokenCount).max().orElse(1);
        t = Math.max(1, t);
        float[] sentence = new float[b * D];
        float[] tokens = new float[b * t * D];
        float[] tokenMask = new float[b * t];
        for (int i = 0; i < b; i++) {
            EncodedText text = texts.get(i);
            System.arraycopy(text.sentence(), 0, sentence, i * D, D);
            for (int j = 0; j < text.tokenCount(); j++) {
                System.arraycopy(text.tokenStates()[j], 0, tokens, (i * t + j) * D, D);
                tokenMask[i * t + j] = 1;
            }
        }
        float[] positives = new float[b * b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                positives[i * b + j] = mentions.describes(shapes.get(i), captions.get(i), shapes.get(j)) ? 1 : 0;
            }
        }
        float[] groupMates = new float[b * b];
        float[] groupRows = new float[b];
        for (int i = 0; i < b; i++) {
            String group = shapes.get(i).hardNegativeGroup();
            for (int j = 0; j < b && group != null; j++) {
                if (group.equals(shapes.get(j).hardNegativeGroup())) {
                    groupMates[i * b + j] = 1;
                    groupRows[i] = j != i ? 1 : groupRows[i];
                }
            }
        }
        PartTensors parts = partTensors(manager, shapes, p);
        NDList inputs = new NDList(
            manager.create(features, new Shape(b, p, k, config.channels())),
            manager.create(centres, new Shape(b, p, 3)),
            manager.create(sentence, new Shape(b, D)),
            manager.create(tokens, new Shape(b, t, D)),
            parts.tokens);
        return new Batch(inputs, manager.create(tokenMask, new Shape(b, t)), parts.mask,
            manager.create(positives, new Shape(b, b)), manager.create(groupMates, new Shape(b, b)),
            manager.create(groupRows), parts.rows, parts.labels);
    }

    private record PartTensors(NDArray tokens, NDArray mask, NDArray rows, NDArray labels) {
    }

    /** Distinct part names of the batch become classes; each labelled patch points at its name's class. */
    private PartTensors partTensors(NDManager manager, List<TrainingShape> shapes, int p) {
        Map<String, Integer> classes = new LinkedHashMap<>();
        List<Long> rows = new ArrayList<>();
        List<Long> labels = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            TrainingShape s = shapes.get(i);
            int[] patchLabels = s.hasParts() ? s.patches().patchLabels() : null;
            if (patchLabels == null) {
                continue;
            }
            for (int j = 0; j < p; j++) {
                String name = s.partNames().get(patchLabels[j]);
                int cls = classes.computeIfAbsent(name, n -> classes.size());
                rows.add((long) i * p + j);
                labels.add((long) cls);
            }
        }
        List<String> names = new ArrayList<>(classes.keySet());
        if (names.isEmpty()) {
            names = List.of("object"); // keeps the network's input shapes valid; no patch points at it
        }
        List<EncodedText> encoded = names.stream().map(bank::get).toList();
        int tp = Math.max(1, encoded.stream().mapToInt(EncodedText::tokenCount).max().orElse(1));
        float[] tokens = new float[names.size() * tp * D];
        float[] mask = new float[names.size() * tp];
        for (int n = 0; n < encoded.size(); n++) {
            EncodedText e = encoded.get(n);
            for (int j = 0; j < e.tokenCount(); j++) {
                System.arraycopy(e.tokenStates()[j], 0, tokens, (n * tp + j) * D, D);
                mask[n * tp + j] = 1;
            }
        }
        return new PartTensors(
            manager.create(tokens, new Shape(names.size(), tp, D)),
            manager.create(mask, new Shape(names.size(), tp)),
            manager.create(rows.stream().mapToLong(Long::longValue).toArray()),
            manager.create(labels.stream().mapToLong(Long::longValue).toArray()));
    }
}
