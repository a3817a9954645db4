package org.align3d.encoder.joint;

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
 * The trainable half of the text side: maps the frozen language model's outputs into the joint space.
 *
 * <p>Inputs: {@code sentence [B, 384]} (pooled sentence embedding) and {@code tokens [B, T, 384]} (per-token
 * states). Outputs, in order: {@code global [B, jointDim]} (compared with the shape's global vector),
 * {@code tokenVectors [B, T, tokenDim]} (attend over patches in HAF) and {@code tokenWeights [B, T]} in (0, 1),
 * how much each token counts in the token-to-patch score, so that "a", "with" and "the" learn to weigh little.
 */
public final class TextProjection extends AbstractBlock {

    private static final byte VERSION = 1;
    private final Linear sentenceHidden;
    private final Linear sentenceOut;
    private final Linear tokenOut;
    private final Linear tokenWeight;

    public TextProjection(int jointDim, int tokenDim) {
        super(VERSION);
        sentenceHidden = addChildBlock("sentence_hidden", Linear.builder().setUnits(512).build());
        sentenceOut = addChildBlock("sentence_out", Linear.builder().setUnits(jointDim).build());
        tokenOut = addChildBlock("token_out", Linear.builder().setUnits(tokenDim).build());
        tokenWeight = addChildBlock("token_weight", Linear.builder().setUnits(1).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray sentence = inputs.get(0);
        NDArray tokens = inputs.get(1);
        NDArray hidden = Activation.gelu(sentenceHidden.forward(ps, new NDList(sentence), training).singletonOrThrow());
        NDArray global = sentenceOut.forward(ps, new NDList(hidden), training).singletonOrThrow();
        NDArray tokenVectors = tokenOut.forward(ps, new NDList(tokens), training).singletonOrThrow();
        NDArray weights = Activation.sigmoid(tokenWeight.forward(ps, new NDList(tokens), training).singletonOrThrow()).squeeze(2);
        return new NDList(global, tokenVectors, weights);
    }

    /** The layers, in the order {@link TextProjectionKernel} reads their weights. */
    Linear[] layers() {
        return new Linear[] {sentenceHidden, sentenceOut, tokenOut, tokenWeight};
    }

    /** Projects token states {@code [N, T, 384]} into token space {@code [N, T, tokenDim]}, e.g. part names. */
    public NDArray projectTokens(ParameterStore ps, NDArray tokens, boolean training) {
        return tokenOut.forward(ps, new NDList(tokens), training).singletonOrThrow();
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape sentence = inputShapes[0];
        Shape tokens = inputShapes[1];
        sentenceHidden.initialize(manager, dataType, sentence);
        sentenceOut.initialize(manager, dataType, new Shape(sentence.get(0), 512));
        tokenOut.initialize(manager, dataType, tokens);
        tokenWeight.initialize(manager, dataType, tokens);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape sentence = inputShapes[0];
        Shape tokens = inputShapes[1];
        return new Shape[] {
            sentenceOut.getOutputShapes(new Shape[] {new Shape(sentence.get(0), 512)})[0],
            tokenOut.getOutputShapes(new Shape[] {tokens})[0],
            new Shape(tokens.get(0), tokens.get(1))
        };
    }
}
