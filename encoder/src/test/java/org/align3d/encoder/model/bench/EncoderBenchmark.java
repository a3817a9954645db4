package org.align3d.encoder.model.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.align3d.encoder.bundle.ModelBundle;
import org.align3d.encoder.bundle.ParameterDecoder;
import org.align3d.encoder.embed.QueryEmbedder;
import org.align3d.encoder.joint.TextProjection;
import org.align3d.encoder.model.ShapeModel;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineRuntime;
import org.align3d.encoder.shape.PointPatchEncoder;
import org.align3d.encoder.text.EncodedText;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.encoder.text.TextLimits;
import org.align3d.mesh.Mesh;
import org.align3d.synth.Align3dSynth;
import org.align3d.synth.SampleSpec;

/**
 * {@code ./align3d bench encoder [--model DIR] [--assets N] [--runs N]}: how long the trained encoders take on this
 * machine. Prints median milliseconds for one asset (sampling + forward), per asset in batches of 8 and 32, for one
 * query text (frozen MiniLM alone, then with the projection on plain arrays as queries run it, beside its baseline:
 * the same layers through the PyTorch engine), and for segmenting one asset into three part names from patch
 * vectors and with the part head; then what loading the bundle costs in time and heap allocation, its largest
 * weights file read by {@link ParameterDecoder} beside its baseline, DJL's own decoder. Run with
 * {@code -Dai.djl.pytorch.num_threads=1} (the launcher's {@code ALIGN3D_TORCH_THREADS=1}) for the one-core figure.
 */
public final class EncoderBenchmark {

    private EncoderBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path model = Path.of("models", "align3d-default");
        int runs = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: ./align3d bench encoder [--model DIR] [--runs N]");
                    return;
                }
                default -> {
                    System.err.println("bench encoder: unknown flag " + args[i]);
                    System.exit(2);
                }
            }
        }
        EngineRuntime.start(DevicePreference.CPU);
        Align3dSynth synth = new Align3dSynth();
        List<Mesh> meshes = new ArrayList<>();
        for (SampleSpec s : synth.plan(5, 64)) {
            meshes.add(synth.mesh(s));
        }
        try (FrozenTextEncoder text = FrozenTextEncoder.load(TextLimits.DEFAULT);
             ShapeModel shapes = ShapeModel.load(model, text, Device.cpu())) {
            for (int w = 0; w < 5; w++) {
                shapes.embed(meshes.subList(0, 8));
                shapes.query("a chair with armrests");
            }
            double one = median(runs, () -> shapes.embed(meshes.get(0)));
            double batch8 = median(runs / 3 + 1, () -> shapes.embed(meshes.subList(0, 8))) / 8;
            double batch32 = median(runs / 5 + 1, () -> shapes.embed(meshes.subList(0, 32))) / 32;
            String caption = "an office chair with a five-star base, armrests and a tall back";
            double languageModel = median(runs, () -> text.encode(caption));
            // the projection right after MiniLM, as in a query: the two engines' thread pools then meet
            QueryEmbedder arrays = new QueryEmbedder(shapes.bundle().textProjection());
            double plain = median(runs, () -> arrays.embed(text.encode(caption)));
            double engine;
            try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
                engine = median(runs, () -> engineProjection(shapes.bundle().textProjection(), manager, text.encode(caption)));
            }
            List<String> parts = List.of("seat", "back", "leg");
            double segmentHead = median(runs, () -> shapes.segment(meshes.get(0), parts, true));
            double segmentPatches = median(runs, () -> shapes.segment(meshes.get(0), parts, false));
            String threads = System.getProperty("ai.djl.pytorch.num_threads", "default");
            System.out.printf(Locale.ROOT, "%nEncoders of %s, PyTorch threads %s, %d cores, median ms:%n%n", model, threads,
                Runtime.getRuntime().availableProcessors());
            System.out.println("| what | ms |\n|---|---:|");
            System.out.printf(Locale.ROOT, "| one asset: 2048 points sampled, 64 patches, forward | %.1f |%n", one);
            System.out.printf(Locale.ROOT, "| per asset, batch of 8 | %.1f |%n", batch8);
            System.out.printf(Locale.ROOT, "| per asset, batch of 32 | %.1f |%n", batch32);
            System.out.printf(Locale.ROOT, "| MiniLM alone (ONNX Runtime) | %.2f |%n", languageModel);
            System.out.printf(Locale.ROOT, "| one query text: MiniLM + projection on plain arrays (QueryEmbedder) | %.2f |%n", plain);
            System.out.printf(Locale.ROOT, "| baseline: MiniLM + the same projection through the PyTorch engine | %.2f |%n", engine);
            System.out.printf(Locale.ROOT, "| _segment one asset, 3 part names, from patch vectors | %.1f |%n", segmentPatches);
            System.out.printf(Locale.ROOT, "| _segment one asset, 3 part names, with the part head%s | %.1f |%n",
                shapes.bundle().partHead() == null ? " (this bundle has none: patch vectors)" : "", segmentHead);
            printLoadCosts(model, runs);
        }
    }

    /** The projection as QueryEmbedder ran it before it used plain arrays: one forward pass through the engine. */
    private static float[] engineProjection(TextProjection projection, NDManager manager, EncodedText text) {
        int d = FrozenTextEncoder.DIM;
        float[] tokens = new float[text.tokenCount() * d];
        for (int j = 0; j < text.tokenCount(); j++) {
            System.arraycopy(text.tokenStates()[j], 0, tokens, j * d, d);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDList out = projection.forward(new ParameterStore(scope, false), new NDList(scope.create(text.sentence(), new Shape(1, d)),
                scope.create(tokens, new Shape(1, text.tokenCount(), d))), false);
            return out.get(1).toFloatArray();
        }
    }

    /** Median ms and MB allocated: ModelBundle.load, and the shape encoder's weights read by either decoder. */
    private static void printLoadCosts(Path model, int runs) throws Exception {
        double[] bundle = loadCost(runs, manager -> ModelBundle.load(model, manager));
        double[] djl = loadCost(runs, manager -> loadShapeEncoder(model, manager, m -> m));
        long shapeBytes = Files.size(model.resolve(ModelBundle.SHAPE_PARAMS));
        double[] sized = loadCost(runs, manager -> loadShapeEncoder(model, manager, m -> ParameterDecoder.decoding(m, shapeBytes)));
        System.out.println("\nLoading the bundle, median of " + runs + ":\n\n| what | ms | MB allocated on the heap |\n|---|---:|---:|");
        System.out.printf(Locale.ROOT, "| ModelBundle.load: verify every file, read the weights | %.1f | %.1f |%n", bundle[0], bundle[1]);
        System.out.printf(Locale.ROOT, "| %s, ParameterDecoder | %.1f | %.1f |%n", ModelBundle.SHAPE_PARAMS, sized[0], sized[1]);
        System.out.printf(Locale.ROOT, "| baseline: %s, DJL's decoder | %.1f | %.1f |%n", ModelBundle.SHAPE_PARAMS, djl[0], djl[1]);
    }

    @FunctionalInterface
    private interface Load {
        void run(NDManager manager) throws Exception;
    }

    private static double[] loadCost(int runs, Load load) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] ms = new double[runs];
        double[] mb = new double[runs];
        for (int i = 0; i < runs; i++) {
            try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
                long bytes = threads.getCurrentThreadAllocatedBytes();
                long t = System.nanoTime();
                load.run(manager);
                ms[i] = (System.nanoTime() - t) / 1e6;
                mb[i] = (threads.getCurrentThreadAllocatedBytes() - bytes) / 1e6;
            }
        }
        Arrays.sort(ms);
        Arrays.sort(mb);
        return new double[] {ms[runs / 2], mb[runs / 2]};
    }

    private static void loadShapeEncoder(Path model, NDManager manager, UnaryOperator<NDManager> decoding) throws Exception {
        PointPatchEncoder encoder = PointPatchEncoder.initialized(ModelBundle.readConfig(model).shape(), manager);
        try (InputStream in = Files.newInputStream(model.resolve(ModelBundle.SHAPE_PARAMS))) {
            encoder.loadParameters(decoding.apply(manager), new DataInputStream(new BufferedInputStream(in)));
        }
    }

    private static double median(int runs, Runnable task) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
