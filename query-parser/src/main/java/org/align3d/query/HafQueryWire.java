package org.align3d.query;

import java.io.IOException;
import java.util.List;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.model.AssetEmbedding;
import org.align3d.encoder.model.PatchVectorsCodec;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** Sends encoded queries between nodes, so a query text is encoded once, on the coordinating node. */
final class HafQueryWire {

    private HafQueryWire() {}

    static void write(StreamOutput out, HafQuery q) throws IOException {
        out.writeFloatArray(q.global());
        out.writeVInt(q.tokens().length);
        for (float[] t : q.tokens()) {
            out.writeFloatArray(t);
        }
        out.writeFloatArray(q.tokenWeights());
        out.writeIntArray(q.tokenWords());
        out.writeStringCollection(q.words());
    }

    static HafQuery read(StreamInput in) throws IOException {
        float[] global = in.readFloatArray();
        int n = in.readVInt();
        float[][] tokens = new float[n][];
        for (int i = 0; i < n; i++) {
            tokens[i] = in.readFloatArray();
        }
        float[] weights = in.readFloatArray();
        int[] words = in.readIntArray();
        List<String> text = in.readStringList();
        return new HafQuery(global, tokens, weights, words, text);
    }

    static void write(StreamOutput out, AssetEmbedding e) throws IOException {
        out.writeByteArray(PatchVectorsCodec.encode(e));
    }

    static AssetEmbedding readAsset(StreamInput in) throws IOException {
        return PatchVectorsCodec.decode(in.readByteArray());
    }
}
