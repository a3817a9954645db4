package org.align3d.encoder.runtime;

import static org.junit.Assert.assertArrayEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The gradient through a constant factor survives a garbage collection between forward and backward. With DJL's
 * own {@code x.div(3f)} it does not: every trial here then reads the reused memory (1e30) as the constant.
 */
public class ScalarsTest {

    @BeforeClass
    public static void engine() {
        EngineRuntime.start(DevicePreference.CPU);
    }

    @Test
    public void divisionGradientSurvivesACollection() throws InterruptedException {
        assertGradient(x -> Scalars.div(x, 3f), 1f / 3);
    }

    @Test
    public void multiplicationGradientSurvivesACollection() throws InterruptedException {
        assertGradient(x -> Scalars.mul(x, 0.25f), 0.25f);
    }

    private static void assertGradient(UnaryOperator<NDArray> op, float expected) throws InterruptedException {
        for (int trial = 0; trial < 5; trial++) {
            try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
                NDArray x = manager.ones(new Shape(4));
                x.setRequiresGradient(true);
                List<ByteBuffer> reused = new ArrayList<>();
                try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray loss = op.apply(x).sum();
                    System.gc();
                    Thread.sleep(10); // the cleaner frees collected direct buffers
                    for (int i = 0; i < 2048; i++) {
                        reused.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 1e30f));
                    }
                    collector.backward(loss);
                }
                assertArrayEquals("trial " + trial, new float[] {expected, expected, expected, expected},
                    x.getGradient().toFloatArray(), 0f);
                reused.clear();
            }
        }
    }
}
