package org.align3d.encoder.joint;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;

/**
 * {@link TextProjection}'s forward pass on plain arrays, for query time: one query's projection is a few hundred
 * thousand multiply-adds, which the JVM does in well under a millisecond, where a pass through the PyTorch engine
 * costs 3-4 ms of per-operation overhead. The weights are copied when the kernel is made, so a kernel is a snapshot
 * of a projection (training goes on changing the projection; take a new kernel to see its new weights). Immutable and
 * thread-safe. {@code TextProjectionKernelTest} checks it against the engine's forward pass.
 */
public final class TextProjectionKernel {

    private final Dense sentenceHidden;
    private final Dense sentenceOut;
    private final Dense tokenOut;
    private final Dense tokenWeight;

    private TextProjectionKernel(Dense sentenceHidden, Dense sentenceOut, Dense tokenOut, Dense tokenWeight) {
        this.sentenceHidden = sentenceHidden;
        this.sentenceOut = sentenceOut;
        this.tokenOut = tokenOut;
        this.tokenWeight = tokenWeight;
    }

    /** A snapshot of {@code projection}'s current weights (it must be initialised). */
    public static TextProjectionKernel of(TextProjection projection) {
        Linear[] layers = projection.layers();
        return new TextProjectionKernel(Dense.of(layers[0]), Dense.of(layers[1]), Dense.of(layers[2]), Dense.of(layers[3]));
    }

    /**
     * The projection of one text, unnormalised, as {@link TextProjection#forward} computes it for a batch of one.
     *
     * @param global       {@code [jointDim]}
     * @param tokens       {@code [T][tokenDim]}
     * @param tokenWeights {@code [T]}, in (0, 1)
     */
    public record Projected(float[] global, float[][] tokens, float[] tokenWeights) {
    }

    /** @param sentence the language model's sentence vector; @param tokens its per-token states */
    public Projected project(float[] sentence, float[][] tokens) {
        float[] hidden = sentenceHidden.apply(sentence);
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = gelu(hidden[i]);
        }
        float[] global = sentenceOut.apply(hidden);
        float[][] tokenVectors = new float[tokens.length][];
        float[] weights = new float[tokens.length];
        for (int t = 0; t < tokens.length; t++) {
            tokenVectors[t] = tokenOut.apply(tokens[t]);
            weights[t] = (float) (1 / (1 + Math.exp(-tokenWeight.apply(tokens[t])[0])));
        }
        return new Projected(global, tokenVectors, weights);
    }

    /** The exact GELU, {@code x * Phi(x)}, as the engine's {@code gelu} computes it (not the tanh approximation). */
    static float gelu(float x) {
        return (float) (0.5 * x * (1 + erf(x / Math.sqrt(2))));
    }

    /**
     * The error function, to about 1e-7 absolute (Numerical Recipes' erfc by Chebyshev fit, {@code erfcc}), well
     * below float precision of the values it scales.
     */
    static double erf(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc : erfc - 1;
    }

    /**
     * One linear layer, {@code y = W x + b}, its weight stored input-major ({@code [in][out]}), so a product is a sum
     * of scaled weight rows: an inner loop without a reduction, which the JIT vectorises.
     */
    private record Dense(float[][] weightByInput, float[] bias) {

        static Dense of(Linear layer) {
            NDArray w = layer.getParameters().get("weight").getArray();
            int out = (int) w.getShape().get(0);
            int in = (int) w.getShape().get(1);
            float[] flat = w.toFloatArray();
            float[][] byInput = new float[in][out];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    byInput[i][o] = flat[o * in + i];
                }
            }
            return new Dense(byInput, layer.getParameters().get("bias").getArray().toFloatArray());
        }

        float[] apply(float[] x) {
            if (x.length != weightByInput.length) {
                throw new IllegalArgumentException("input of " + x.length + " values for a layer of " + weightByInput.length + " inputs");
            }
            float[] y = bias.clone();
            for (int i = 0; i < x.length; i++) {
                float xi = x[i];
                float[] row = weightByInput[i];
                for (int o = 0; o < y.length; o++) {
                    y[o] += xi * row[o];
                }
            }
            return y;
        }
    }
}
