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
import java.util.ArrayList;
import java.util.List;

/**
 * align3d's 3D encoder, trained from scratch: patches of points become tokens (a {@link MiniPointNet} per
 * patch plus a positional encoding of the patch centre), a few {@link SelfAttentionLayer}s mix them, and two
 * heads read out a global vector (attention pooling and max pooling) and one vector per patch.
 *
 * <p>Inputs: {@code patches [B, P, K, C]} (each point relative to its patch centre, then its normal) and
 * {@code centres [B, P, 3]} (in the unit sphere). Outputs, in this order:
 * <ol>
 *   <li>{@code global [B, jointDim]}: the asset's joint-space vector (not normalised), indexed by ERS;</li>
 *   <li>{@code patchVectors [B, P, tokenDim]}: per-patch vectors for HAF token-to-patch attention and parts;</li>
 *   <li>{@code inputTokens [B, P, width]}: tokens before the transformer, PointAlign's reference features;</li>
 *   <li>{@code outputTokens [B, P, width]}: tokens after it, which PointAlign's consistency loss keeps aligned
 *       with the reference through a training-only projector.</li>
 * </ol>
 */
public final class PointPatchEncoder extends AbstractBlock {

    private static final byte VERSION = 1;
    private final ShapeEncoderConfig config;
    private final MiniPointNet patchEmbedding;
    private final Linear positionIn;
    private final Linear positionOut;
    private final List<SelfAttentionLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear poolScore;
    private final Linear globalHead;
    private final Linear patchHead;

    public PointPatchEncoder(ShapeEncoderConfig config) {
        super(VERSION);
        this.config = config;
        patchEmbedding = addChildBlock("patch_embedding", new MiniPointNet(config.width()));
        positionIn = addChildBlock("position_in", Linear.builder().setUnits(64).build());
        positionOut = addChildBlock("position_out", Linear.builder().setUnits(config.width()).build());
        for (int i = 0; i < config.depth(); i++) {
            layers.add(addChildBlock("layer" + i, new SelfAttentionLayer(config.width(), config.heads())));
        }
        finalNorm = addChildBlock("final_norm", LayerNorm.builder().axis(2).build());
        poolScore = addChildBlock("pool_score", Linear.builder().setUnits(1).build());
        globalHead = addChildBlock("global_head", Linear.builder().setUnits(config.jointDim()).build());
        patchHead = addChildBlock("patch_head", Linear.builder().setUnits(config.tokenDim()).build());
    }

    /** A new encoder for {@code config} with its parameters allocated in {@code manager}, ready to load weights into. */
    public static PointPatchEncoder initialized(ShapeEncoderConfig config, NDManager manager) {
        PointPatchEncoder encoder = new PointPatchEncoder(config);
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, config.patches(), config.patchSize(), config.channels()),
            new Shape(1, config.patches(), 3));
        return encoder;
    }

    public ShapeEncoderConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray patches = inputs.get(0);
        NDArray centres = inputs.get(1);
        NDArray tokens = patchEmbedding.forward(ps, new NDList(patches), training).singletonOrThrow();
        NDArray position = Activation.gelu(positionIn.forward(ps, new NDList(centres), training).singletonOrThrow());
        tokens = tokens.add(positionOut.forward(ps, new NDList(position), training).singletonOrThrow());
        NDArray inputTokens = tokens;
        for (SelfAttentionLayer layer : layers) {
            tokens = layer.forward(ps, new NDList(tokens), training).singletonOrThrow();
        }
        tokens = finalNorm.forward(ps, new NDList(tokens), training).singletonOrThrow();
        NDArray weights = poolScore.forward(ps, new NDList(tokens), training).singletonOrThrow().softmax(1); // [B,P,1]
        NDArray pooled = tokens.mul(weights).sum(new int[] {1});
        NDArray maxed = tokens.max(new int[] {1});
        NDArray global = globalHead.forward(ps, new NDList(pooled.concat(maxed, 1)), training).singletonOrThrow();
        NDArray patchVectors = patchHead.forward(ps, new NDList(tokens), training).singletonOrThrow();
        return new NDList(global, patchVectors, inputTokens, tokens);
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape patches = inputShapes[0];
        Shape centres = inputShapes[1];
        long b = patches.get(0);
        long p = patches.get(1);
        Shape tokens = new Shape(b, p, config.width());
        patchEmbedding.initialize(manager, dataType, patches);
        positionIn.initialize(manager, dataType, centres);
        positionOut.initialize(manager, dataType, new Shape(b, p, 64));
        for (SelfAttentionLayer layer : layers) {
            layer.initialize(manager, dataType, tokens);
        }
        finalNorm.initialize(manager, dataType, tokens);
        poolScore.initialize(manager, dataType, tokens);
        globalHead.initialize(manager, dataType, new Shape(b, 2L * config.width()));
        patchHead.initialize(manager, dataType, tokens);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long p = inputShapes[0].get(1);
        return new Shape[] {
            new Shape(b, config.jointDim()),
            new Shape(b, p, config.tokenDim()),
            new Shape(b, p, config.width()),
            new Shape(b, p, config.width())
        };
    }
}
