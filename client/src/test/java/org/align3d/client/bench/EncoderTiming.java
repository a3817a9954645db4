package org.align3d.client.bench;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.align3d.encoder.model.ShapeModel;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineRuntime;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.encoder.text.TextLimits;
import org.align3d.mesh.Mesh;

/**
 * The encoder's own time per asset, in this JVM, with nothing else running: {@link ShapeModel#embed(List)} (sampling
 * and the batched forward pass) over meshes in batches of the pipeline's size, after a warm-up pass. This is the
 * floor ingest through the node is compared with.
 */
final class EncoderTiming {

    private EncoderTiming() {
    }

    /** Timed passes over the meshes; the median is reported (the machine is shared and noisy). */
    static final int PASSES = 3;

    private static double pass(ShapeModel model, List<Mesh> meshes, int batch) {
        long start = System.nanoTime();
        for (int i = 0; i < meshes.size(); i += batch) {
            model.embed(new ArrayList<>(meshes.subList(i, Math.min(i + batch, meshes.size()))));
        }
        return (System.nanoTime() - start) / 1e6 / meshes.size();
    }

    /** Milliseconds per asset: the median of {@link #PASSES} passes after a warm-up pass. */
    static double millisPerAsset(Path bundle, List<Mesh> meshes, int batch) throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (FrozenTextEncoder text = FrozenTextEncoder.load(TextLimits.DEFAULT);
             ShapeModel model = ShapeModel.load(bundle, text, Device.cpu())) {
            pass(model, meshes, batch); // warm-up
            double[] passes = new double[PASSES];
            for (int p = 0; p < PASSES; p++) {
                passes[p] = pass(model, meshes, batch);
            }
            Arrays.sort(passes);
            return passes[PASSES / 2];
        }
    }
}
