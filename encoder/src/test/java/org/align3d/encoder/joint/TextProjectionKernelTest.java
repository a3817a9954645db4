package org.align3d.encoder.joint;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineRuntime;
import org.junit.Test;

public class TextProjectionKernelTest {

    private static final int D = 384;

    @Test
    public void matchesTheEnginesForwardPass() {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            TextProjection projection = new TextProjection(48, 24);
            int tokens = 7;
            projection.initialize(manager, DataType.FLOAT32, new Shape(1, D), new Shape(1, tokens, D));
            Random random = new Random(3);
            float[] sentence = new float[D];
            float[][] states = new float[tokens][D];
            float[] flat = new float[tokens * D];
            for (int d = 0; d < D; d++) {
                sentence[d] = (float) random.nextGaussian(); // large inputs reach GELU's curved part and both tails
            }
            for (int t = 0; t < tokens; t++) {
                for (int d = 0; d < D; d++) {
                    states[t][d] = (float) random.nextGaussian();
                    flat[t * D + d] = states[t][d];
                }
            }
            NDList engine = projection.forward(new ParameterStore(manager, false),
                new NDList(manager.create(sentence, new Shape(1, D)), manager.create(flat, new Shape(1, tokens, D))), false);

            TextProjectionKernel.Projected kernel = TextProjectionKernel.of(projection).project(sentence, states);

            assertArrayEquals(engine.get(0).toFloatArray(), kernel.global(), 1e-4f);
            float[] engineTokens = engine.get(1).toFloatArray();
            for (int t = 0; t < tokens; t++) {
                for (int d = 0; d < 24; d++) {
                    assertEquals(engineTokens[t * 24 + d], kernel.tokens()[t][d], 1e-4f);
                }
            }
            assertArrayEquals(engine.get(2).toFloatArray(), kernel.tokenWeights(), 1e-5f);
        }
    }

    @Test
    public void geluIsTheExactOne() {
        // x * Phi(x): Phi(1) = 0.841344746, Phi(-2) = 0.022750132; the tanh approximation is off by ~1e-4 at 1
        assertEquals(0.841344746, TextProjectionKernel.gelu(1f), 1e-6);
        assertEquals(-2 * 0.022750132, TextProjectionKernel.gelu(-2f), 1e-6);
        assertEquals(0, TextProjectionKernel.gelu(0f), 1e-7);
        assertEquals(0.5204998778, TextProjectionKernel.erf(0.5), 2e-7);
    }

    @Test
    public void refusesAnInputOfTheWrongSize() {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            TextProjection projection = new TextProjection(8, 4);
            projection.initialize(manager, DataType.FLOAT32, new Shape(1, D), new Shape(1, 1, D));
            TextProjectionKernel kernel = TextProjectionKernel.of(projection);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kernel.project(new float[10], new float[0][]));
            assertEquals("input of 10 values for a layer of 384 inputs", e.getMessage());
        }
    }
}
