package org.align3d.encoder.shape;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.align3d.encoder.runtime.Scalars;

/**
 * One pre-norm transformer layer over patch tokens: {@code x + MHA(LN(x))}, then {@code x + MLP(LN(x))}, with
 * full (unmasked) multi-head self-attention. Written out rather than taken from DJL's BERT block so the attention
 * semantics are explicit and stable across DJL versions. Input and output {@code [B, T, width]}.
 */
final class SelfAttentionLayer extends AbstractBlock {

    private static final byte VERSION = 1;
    private final int width;
    private final int heads;
    private final LayerNorm norm1;
    private final Linear qkv;
    private final Linear out;
    private final LayerNorm norm2;
    private final Linear mlpIn;
    private final Linear mlpOut;

    SelfAttentionLayer(int width, int heads) {
        super(VERSION);
        this.width = width;
        this.heads = heads;
        norm1 = addChildBlock("norm1", LayerNorm.builder().axis(2).build());
        qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * width).build());
        out = addChildBlock("out", Linear.builder().setUnits(width).build());
        norm2 = addChildBlock("norm2", LayerNorm.builder().axis(2).build());
        mlpIn = addChildBlock("mlp_in", Linear.builder().setUnits(2L * width).build());
        mlpOut = addChildBlock("mlp_out", Linear.builder().setUnits(width).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        long headDim = width / heads;
        NDArray h = norm1.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray qkvAll = qkv.forward(ps, new NDList(h), training).singletonOrThrow()
            .reshape(b, t, 3, heads, headDim).transpose(2, 0, 3, 1, 4); // [3, B, H, T, dh]
        NDArray q = qkvAll.get(0).reshape(b * heads, t, headDim);
        NDArray k = qkvAll.get(1).reshape(b * heads, t, headDim);
        NDArray v = qkvAll.get(2).reshape(b * heads, t, headDim);
        NDArray attention = Scalars.div(q.batchMatMul(k.transpose(0, 2, 1)), (float) Math.sqrt(headDim)).softmax(-1);
        NDArray mixed = attention.batchMatMul(v).reshape(b, heads, t, headDim).transpose(0, 2, 1, 3).reshape(b, t, width);
        x = x.add(out.forward(ps, new NDList(mixed), training).singletonOrThrow());
        NDArray m = norm2.forward(ps, new NDList(x), training).singletonOrThrow();
        m = Activation.gelu(mlpIn.forward(ps, new NDList(m), training).singletonOrThrow());
        x = x.add(mlpOut.forward(ps, new NDList(m), training).singletonOrThrow());
        return new NDList(x);
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape hidden = new Shape(in.get(0), in.get(1), 2L * width);
        norm1.initialize(manager, dataType, in);
        qkv.initialize(manager, dataType, in);
        out.initialize(manager, dataType, in);
        norm2.initialize(manager, dataType, in);
        mlpIn.initialize(manager, dataType, in);
        mlpOut.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
