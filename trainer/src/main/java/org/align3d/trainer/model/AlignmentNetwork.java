package org.align3d.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import org.align3d.encoder.joint.TextProjection;
import org.align3d.encoder.shape.PointPatchEncoder;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.encoder.text.FrozenTextEncoder;

/**
 * Everything that trains, as one block: the 3D encoder and the text projection (both shipped in the bundle), plus
 * what only training needs: PointAlign's consistency projector and the learnable logit scale of the global
 * contrastive loss (CLIP-style, initialised to 1 / 0.07).
 *
 * <p>Inputs: {@code features [B, P, K, 6]}, {@code centres [B, P, 3]}, {@code sentence [C, 384]},
 * {@code tokens [C, T, 384]}, {@code partTokens [N, Tp, 384]}. Outputs, see {@link Outputs}.
 */
public final class AlignmentNetwork extends AbstractBlock {

    private static final byte VERSION = 1;
    public static final float INITIAL_LOGIT_SCALE = (float) Math.log(1 / 0.07);

    private final ShapeEncoderConfig config;
    private final PointPatchEncoder shapeEncoder;
    private final TextProjection textProjection;
    private final Linear consistencyProjector;
    private final Parameter logitScale;

    /** Positions of the outputs in the forward pass's NDList. */
    public static final class Outputs {
        public static final int SHAPE_GLOBAL = 0;
        public static final int PATCH_VECTORS = 1;
        public static final int INPUT_TOKENS = 2;
        public static final int PROJECTED_TOKENS = 3;
        public static final int TEXT_GLOBAL = 4;
        public static final int TOKEN_VECTORS = 5;
        public static final int TOKEN_WEIGHTS = 6;
        public static final int PART_TOKEN_VECTORS = 7;
        public static final int LOGIT_SCALE = 8;

        private Outputs() {}
    }

    public AlignmentNetwork(ShapeEncoderConfig config) {
        super(VERSION);
        this.config = config;
        shapeEncoder = addChildBlock("shape", new PointPatchEncoder(config));
        textProjection = addChildBlock("text", new TextProjection(config.jointDim(), config.tokenDim()));
        consistencyProjector = addChildBlock("consistency", Linear.builder().setUnits(config.width()).build());
        logitScale = addParameter(Parameter.builder().setName("logit_scale").setType(Parameter.Type.OTHER)
            .optShape(new Shape(1)).optInitializer(new ConstantInitializer(INITIAL_LOGIT_SCALE)).build());
    }

    public ShapeEncoderConfig config() {
        return config;
    }

    public PointPatchEncoder shapeEncoder() {
        return shapeEncoder;
    }

    public TextProjection textProjection() {
        return textProjection;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList shape = shapeEncoder.forward(ps, new NDList(inputs.get(0), inputs.get(1)), training);
        NDList text = textProjection.forward(ps, new NDList(inputs.get(2), inputs.get(3)), training);
        NDArray partTokens = textProjection.projectTokens(ps, inputs.get(4), training);
        NDArray projected = consistencyProjector.forward(ps, new NDList(shape.get(3)), training).singletonOrThrow();
        NDArray scale = ps.getValue(logitScale, inputs.get(0).getDevice(), training);
        return new NDList(shape.get(0), shape.get(1), shape.get(2), projected, text.get(0), text.get(1), text.get(2),
            partTokens, scale);
    }

    /** Shapes of a batch: {@code shapes} assets, {@code captions} texts of {@code tokens} tokens, {@code parts} names. */
    public static Shape[] inputShapes(ShapeEncoderConfig config, int shapes, int captions, int tokens, int parts, int partTokens) {
        return new Shape[] {
            new Shape(shapes, config.patches(), config.patchSize(), config.channels()),
            new Shape(shapes, config.patches(), 3),
            new Shape(captions, FrozenTextEncoder.DIM),
            new Shape(captions, tokens, FrozenTextEncoder.DIM),
            new Shape(parts, partTokens, FrozenTextEncoder.DIM)
        };
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        shapeEncoder.initialize(manager, dataType, inputShapes[0], inputShapes[1]);
        textProjection.initialize(manager, dataType, inputShapes[2], inputShapes[3]);
        Shape tokens = new Shape(inputShapes[0].get(0), config.patches(), config.width());
        consistencyProjector.initialize(manager, dataType, tokens);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape[] shape = shapeEncoder.getOutputShapes(new Shape[] {in[0], in[1]});
        Shape[] text = textProjection.getOutputShapes(new Shape[] {in[2], in[3]});
        return new Shape[] {shape[0], shape[1], shape[2], shape[3], text[0], text[1], text[2],
            new Shape(in[4].get(0), in[4].get(1), config.tokenDim()), new Shape(1)};
    }
}
