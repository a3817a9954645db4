package org.align3d.trainer.parts;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineRuntime;
import org.align3d.encoder.shape.PointPatchEncoder;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.sampling.GeometryPipeline;
import org.align3d.sampling.Patches;
import org.align3d.sampling.SamplingConfig;
import org.align3d.trainer.data.ShapeLoader;
import org.align3d.trainer.data.TrainingShape;
import org.junit.Test;

public class PartHeadTrainerTest {

    private static final ShapeEncoderConfig SMALL = new ShapeEncoderConfig(512, 16, 32, 6, 32, 1, 4, 24, 16);

    /** A unit vector per part name, fixed by the name: stands in for the text side. */
    private static float[] nameVector(String name) {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        float[] v = new float[SMALL.tokenDim()];
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static PointPatchEncoder untrainedEncoder(NDManager manager) {
        PointPatchEncoder encoder = new PointPatchEncoder(SMALL);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 16, 32, 6), new Shape(1, 16, 3));
        return encoder;
    }

    private static List<TrainingShape> shapes(int count) {
        GeometryPipeline pipeline = new GeometryPipeline(new SamplingConfig(SMALL.points(), SMALL.patches(), SMALL.patchSize()));
        return new ShapeLoader(pipeline, 7).synth(1, count).stream().filter(PartHeadTrainer::teaches).toList();
    }

    @Test
    public void theHeadLabelsPointsBetterThanPatchVectorsOfAnUntrainedEncoder() {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PointPatchEncoder encoder = untrainedEncoder(manager);
            List<TrainingShape> shapes = shapes(24);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PartHeadSettings settings = new PartHeadSettings(60, 32, 8, 128, 3e-3f, 7);
            try (PartHeadTrainer trainer = new PartHeadTrainer(encoder, manager, settings, Device.cpu(),
                    new PrintStream(log, true, StandardCharsets.UTF_8))) {
                PartHeadTrainer.Result r = trainer.train(shapes, shapes, PartHeadTrainerTest::nameVector, 30);
                String out = log.toString(StandardCharsets.UTF_8);
                assertTrue(out, out.contains("part head step    30/60") && out.contains("part head step    60/60"));
                assertEquals(shapes.size(), r.shapes());
                assertTrue(r.toString(), r.headMiou() > r.patchesMiou() + 0.05);
            }
        }
    }

    @Test
    public void shapesWithoutPartLabelsAreRefused() {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PointPatchEncoder encoder = untrainedEncoder(manager);
            try (PartHeadTrainer trainer = new PartHeadTrainer(encoder, manager, PartHeadSettings.DEFAULT, Device.cpu(), System.out)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> trainer.train(List.of(), List.of(), PartHeadTrainerTest::nameVector, 10));
                assertTrue(e.getMessage(), e.getMessage().contains("the part head needs part labels"));
            }
        }
    }

    @Test
    public void turningAboutUpKeepsHeightsLabelsAndGrouping() {
        Patches p = shapes(1).get(0).patches();
        Patches turned = PartHeadTrainer.turnAboutUp(p, Math.PI / 2);
        float[] a = p.cloud().positions(), b = turned.cloud().positions();
        for (int i = 0; i < a.length; i += 3) {
            assertEquals(a[i + 1], b[i + 1], 0f);
            assertEquals(a[i + 2], b[i], 1e-5f); // x' = z at a quarter turn
            assertEquals(-a[i], b[i + 2], 1e-5f);
        }
        assertArrayEquals(p.cloud().labels(), turned.cloud().labels());
        assertArrayEquals(p.members(), turned.members());
        assertEquals(-p.cloud().normals()[0], turned.cloud().normals()[2], 1e-5f);
    }
}
