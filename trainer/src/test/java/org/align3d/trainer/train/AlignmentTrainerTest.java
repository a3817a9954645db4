package org.align3d.trainer.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.align3d.encoder.embed.ShapeEmbedder;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineRuntime;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.encoder.text.TextLimits;
import org.align3d.sampling.GeometryPipeline;
import org.align3d.sampling.SamplingConfig;
import org.align3d.trainer.data.CaptionBank;
import org.align3d.trainer.data.CaptionMentions;
import org.align3d.trainer.data.ShapeLoader;
import org.align3d.trainer.data.TrainingShape;
import org.align3d.trainer.model.AlignmentNetwork;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Trains a small network on generated shapes with the real engines, text model and losses. */
public class AlignmentTrainerTest {

    static final ShapeEncoderConfig TINY = new ShapeEncoderConfig(512, 16, 16, 6, 32, 1, 4, 32, 16);
    private static FrozenTextEncoder text;
    private static List<TrainingShape> shapes;
    private static CaptionBank bank;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @BeforeClass
    public static void data() {
        EngineRuntime.start(DevicePreference.CPU);
        text = FrozenTextEncoder.load(TextLimits.DEFAULT);
        shapes = new ShapeLoader(new GeometryPipeline(new SamplingConfig(TINY.points(), TINY.patches(), TINY.patchSize())), 1)
            .synth(5, 24);
        bank = CaptionBank.encode(text, shapes, List.of());
    }

    @AfterClass
    public static void close() {
        text.close();
    }

    private static AlignmentTrainer trainer() {
        TrainingConfig config = new TrainingConfig(12, 3e-3f, 5, 200, 0.05f, LossWeights.DEFAULT, Augmentation.NONE, 3);
        return new AlignmentTrainer(TINY, config, shapes, bank, new CaptionMentions(), Device.cpu());
    }

    @Test
    public void lossFallsWhenOverfittingAFewShapes() {
        try (AlignmentTrainer t = trainer()) {
            ChunkReport first = t.train(5);
            t.train(40);
            ChunkReport last = t.train(5);
            assertTrue(Double.isFinite(first.loss()));
            assertTrue("loss " + first.loss() + " -> " + last.loss(), last.loss() < first.loss() * 0.8);
            assertTrue(last.part() > 0);
            assertEquals(50, t.step());
        }
    }

    @Test
    public void aNonFiniteGradientIsDroppedAndTrainingGoesOn() {
        try (AlignmentTrainer t = trainer()) {
            t.train(1);
            Pair<String, Parameter> first = t.network().getParameters().get(0);
            try (NDArray grad = first.getValue().getArray().getGradient()) {
                grad.set(new NDIndex("..."), Float.POSITIVE_INFINITY);
            }
            assertTrue(Double.isInfinite(t.clipGradients()));
            assertEquals(1, t.skippedSteps());
            for (Pair<String, Parameter> p : t.network().getParameters()) {
                try (NDArray grad = p.getValue().getArray().getGradient();
                     NDArray abs = grad.abs(); NDArray max = abs.max()) {
                    assertEquals(p.getKey(), 0f, max.getFloat(), 0f);
                }
            }
            ChunkReport next = t.train(2);
            assertTrue(Double.isFinite(next.loss()));
            assertTrue(Double.isFinite(next.gradientNorm()));
            assertEquals(0, next.skippedSteps());
        }
    }

    @Test
    public void checkpointRoundTripsWeightsAndState() throws Exception {
        Path dir = tmp.newFolder("ckpt").toPath();
        try (AlignmentTrainer a = trainer(); AlignmentTrainer b = trainer()) {
            a.train(3);
            a.temperature(0.07f);
            a.schedule().multiplier(1.5f);
            a.save(dir);
            b.load(dir);
            assertEquals(3, b.step());
            assertEquals(0.07f, b.temperature(), 0f);
            assertEquals(1.5f, b.schedule().multiplier(), 0f);
            float[] ea = new ShapeEmbedder(a.network().shapeEncoder(), a.manager(), 4).embed(List.of(shapes.get(0).patches())).get(0).global();
            float[] eb = new ShapeEmbedder(b.network().shapeEncoder(), b.manager(), 4).embed(List.of(shapes.get(0).patches())).get(0).global();
            assertArrayEquals(ea, eb, 0f);
        }
    }

    /**
     * A garbage collection between forward and backward must not change a gradient. It did: DJL's scalar overloads
     * ({@code x.div(2f)}) wrapped the constant in a tensor over a Java direct buffer and closed it at once, while
     * PyTorch's backward of mul and div reads that constant again; once collected, its memory was reused and the
     * gradient scaled by whatever was written there (the intermittent non-finite steps of training runs).
     */
    @Test
    public void gradientsDoNotDependOnWhenGarbageIsCollected() throws InterruptedException {
        Engine.getEngine("PyTorch").setRandomSeed(3);
        AlignmentNetwork network = new AlignmentNetwork(TINY);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            network.initialize(manager, DataType.FLOAT32, AlignmentNetwork.inputShapes(TINY, 2, 2, 4, 2, 2));
            for (Pair<String, Parameter> p : network.getParameters()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
            List<float[]> calm = gradients(network, manager, false);
            List<float[]> collected = gradients(network, manager, true);
            for (int i = 0; i < calm.size(); i++) {
                assertArrayEquals(network.getParameters().get(i).getKey(), calm.get(i), collected.get(i), 0f);
            }
        }
    }

    private static List<float[]> gradients(AlignmentNetwork network, NDManager manager, boolean collectBetween)
        throws InterruptedException {
        List<TrainingShape> six = shapes.subList(0, 6);
        List<String> captions = six.stream().map(s -> s.captions().get(0)).toList();
        try (NDManager batchManager = manager.newSubManager()) {
            Batch batch = new BatchBuilder(TINY, bank, new CaptionMentions())
                .build(batchManager, six, captions, Augmentation.NONE, new SplittableRandom(1));
            List<ByteBuffer> reused = new ArrayList<>();
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDList out = network.forward(new ParameterStore(batchManager, false), batch.inputs(), true);
                NDArray total = new AlignmentObjective(LossWeights.DEFAULT).compute(out, batch, 0.05f).total();
                if (collectBetween) {
                    System.gc();
                    Thread.sleep(20); // the cleaner frees collected direct buffers
                    for (int i = 0; i < 4096; i++) { // small native blocks, likely where freed ones were
                        reused.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 1e30f));
                    }
                }
                collector.backward(total);
            }
            List<float[]> grads = new ArrayList<>();
            for (Pair<String, Parameter> p : network.getParameters()) {
                try (NDArray grad = p.getValue().getArray().getGradient()) {
                    grads.add(grad.toFloatArray());
                    grad.set(new NDIndex("..."), 0f);
                }
            }
            reused.clear();
            return grads;
        }
    }
}
