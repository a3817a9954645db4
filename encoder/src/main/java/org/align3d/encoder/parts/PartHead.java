package org.align3d.encoder.parts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Point-level part vectors, PointNet++'s feature propagation with a learned correction: a small MLP reads a
 * point's {@link PointContext} and adds its output to the point's interpolated patch vector; the sum, normalised,
 * is compared with part-name vectors as patch vectors are. Patch vectors alone label a patch as a whole, which caps
 * part mIoU (a 64-patch cloud labelled with each patch's true majority part scores only about 0.64 on the
 * generator's validation split); the head can place a boundary inside a patch.
 *
 * <p>Inputs: {@code features [N, channels]} and {@code interpolated [N, tokenDim]}; output
 * {@code [N, tokenDim]}, L2-normalised.
 */
public final class PartHead extends AbstractBlock {

    private static final byte VERSION = 1;
    private final int tokenDim;
    private final int width;
    private final Linear hidden1;
    private final Linear hidden2;
    private final Linear out;

    /** @param width hidden units of both layers */
    public PartHead(int tokenDim, int width) {
        super(VERSION);
        this.tokenDim = tokenDim;
        this.width = width;
        hidden1 = addChildBlock("hidden1", Linear.builder().setUnits(width).build());
        hidden2 = addChildBlock("hidden2", Linear.builder().setUnits(width).build());
        out = addChildBlock("out", Linear.builder().setUnits(tokenDim).build());
    }

    public int tokenDim() {
        return tokenDim;
    }

    public int width() {
        return width;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = Activation.gelu(hidden1.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow());
        x = Activation.gelu(hidden2.forward(ps, new NDList(x), training).singletonOrThrow());
        NDArray v = inputs.get(1).add(out.forward(ps, new NDList(x), training).singletonOrThrow());
        return new NDList(v.div(v.norm(new int[] {-1}, true).add(1e-6f)));
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        hidden1.initialize(manager, dataType, in);
        Shape h = hidden1.getOutputShapes(new Shape[] {in})[0];
        hidden2.initialize(manager, dataType, h);
        out.initialize(manager, dataType, h);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), tokenDim)};
    }
}
