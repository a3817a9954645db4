package org.align3d.encoder.shape;

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
 * Embeds each patch from its points: a shared per-point MLP (channels -> 64 -> 128) and a max pool over the
 * patch's points, then a projection to the token width. Max pooling makes the embedding independent of point
 * order, as in PointNet and in PatchAlign3D's patch tokenizer.
 *
 * <p>Input {@code [B, P, K, C]}; output {@code [B, P, width]}.
 */
final class MiniPointNet extends AbstractBlock {

    private static final byte VERSION = 1;
    private final Linear pointMlp1;
    private final Linear pointMlp2;
    private final Linear project;

    MiniPointNet(int width) {
        super(VERSION);
        pointMlp1 = addChildBlock("point_mlp1", Linear.builder().setUnits(64).build());
        pointMlp2 = addChildBlock("point_mlp2", Linear.builder().setUnits(128).build());
        project = addChildBlock("project", Linear.builder().setUnits(width).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        x = Activation.relu(pointMlp1.forward(ps, new NDList(x), training).singletonOrThrow());
        x = Activation.relu(pointMlp2.forward(ps, new NDList(x), training).singletonOrThrow());
        x = x.max(new int[] {2});
        return project.forward(ps, new NDList(x), training);
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        pointMlp1.initialize(manager, dataType, in);
        Shape h1 = pointMlp1.getOutputShapes(new Shape[] {in})[0];
        pointMlp2.initialize(manager, dataType, h1);
        Shape pooled = new Shape(in.get(0), in.get(1), 128);
        project.initialize(manager, dataType, pooled);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return project.getOutputShapes(new Shape[] {new Shape(in.get(0), in.get(1), 128)});
    }
}
