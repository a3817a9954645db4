package org.align3d.trainer.parts;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.align3d.encoder.embed.ShapeEmbedder;
import org.align3d.encoder.haf.HafShape;
import org.align3d.encoder.haf.PartGroups;
import org.align3d.encoder.parts.PartHead;
import org.align3d.encoder.parts.PartLabeller;
import org.align3d.encoder.parts.PointContext;
import org.align3d.encoder.parts.ZeroShotParts;
import org.align3d.encoder.runtime.Scalars;
import org.align3d.encoder.shape.PointPatchEncoder;
import org.align3d.sampling.Patches;
import org.align3d.sampling.PointCloud;
import org.align3d.trainer.data.TrainingShape;
import org.align3d.trainer.eval.Evaluator;

/**
 * Trains a {@link PartHead} on a frozen encoder: each step draws shapes with part labels, turns each by a random
 * angle about the up axis (the encoder was trained that way, and catalogues hold assets facing any way), embeds
 * them, draws labelled points, and minimises the cross-entropy of each point's vector against every part name of
 * the training data (PatchAlign3D's part loss, at point level). The encoder and the part-name vectors stay as they
 * are, so everything retrieval and classification measure is unchanged.
 */
public final class PartHeadTrainer implements AutoCloseable {

    private final PartHeadSettings settings;
    private final Model model;
    private final PartHead head;
    private final ShapeEmbedder encoder;
    private final PrintStream log;

    /** @param device where the head trains; the encoder's parameters must live on a manager of the same device */
    public PartHeadTrainer(PointPatchEncoder encoder, NDManager encoderManager, PartHeadSettings settings, Device device,
                           PrintStream log) {
        this.settings = settings;
        this.log = log;
        this.encoder = new ShapeEmbedder(encoder, encoderManager, PartGroups.DEFAULT_GROUPS);
        int tokenDim = encoder.config().tokenDim();
        Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
        this.head = new PartHead(tokenDim, settings.width());
        this.model = Model.newInstance("part-head", device, "PyTorch");
        model.setBlock(head);
    }

    public PartHead head() {
        return head;
    }

    /**
     * Trains for {@link PartHeadSettings#steps()} steps; logs validation mIoU every {@code logEvery} steps.
     *
     * @param names the part-name vector of a name (L2-normalised, in patch-vector space)
     * @return the validation mIoU from patch vectors alone and with the trained head
     */
    public Result train(List<TrainingShape> train, List<TrainingShape> val, Function<String, float[]> names, int logEvery) {
        List<TrainingShape> labelled = train.stream().filter(PartHeadTrainer::teaches).toList();
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("no training shape has two or more labelled parts: the part head needs part labels");
        }
        List<String> vocabulary = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (TrainingShape s : labelled) {
            for (String n : s.partNames()) {
                index.computeIfAbsent(n, k -> {
                    vocabulary.add(k);
                    return vocabulary.size() - 1;
                });
            }
        }
        int dim = head.tokenDim();
        int channels = PointContext.channels(dim);
        float[] nameMatrix = new float[vocabulary.size() * dim];
        for (int i = 0; i < vocabulary.size(); i++) {
            System.arraycopy(names.apply(vocabulary.get(i)), 0, nameMatrix, i * dim, dim);
        }
        Tracker rate = Tracker.cosine().setBaseValue(settings.learningRate()).optFinalValue(settings.learningRate() / 100)
            .setMaxUpdates(Math.max(1, settings.steps())).build();
        List<HafShape> valEmbedded = encoder.embed(val.stream().map(TrainingShape::patches).toList());
        Map<String, float[]> valNames = new HashMap<>();
        val.forEach(s -> s.partNames().forEach(n -> valNames.computeIfAbsent(n, names)));
        double before = Evaluator.partMiou(val, valEmbedded, valNames, PartLabeller.fromPatches(ZeroShotParts.NEIGHBOURS));
        try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()) // the loss below is our own
                .optOptimizer(Adam.builder().optLearningRateTracker(rate).build()).optDevices(new Device[] {model.getNDManager().getDevice()}))) {
            trainer.initialize(new Shape(2, channels), new Shape(2, dim));
            NDArray nameArray = model.getNDManager().create(nameMatrix, new Shape(vocabulary.size(), dim));
            SplittableRandom random = new SplittableRandom(settings.seed());
            int b = settings.shapesPerStep();
            int k = settings.pointsPerShape();
            double lossSum = 0;
            long started = System.nanoTime();
            for (int step = 1; step <= settings.steps(); step++) {
                List<TrainingShape> drawn = new ArrayList<>(b);
                List<Patches> turned = new ArrayList<>(b);
                for (int i = 0; i < b; i++) {
                    TrainingShape s = labelled.get(random.nextInt(labelled.size()));
                    drawn.add(s);
                    turned.add(turnAboutUp(s.patches(), random.nextDouble(2 * Math.PI)));
                }
                List<HafShape> embedded = encoder.embed(turned);
                float[] features = new float[b * k * channels];
                float[] interpolated = new float[b * k * dim];
                long[] labels = new long[b * k];
                for (int i = 0; i < b; i++) {
                    Patches patches = turned.get(i);
                    int[] points = new int[k];
                    int[] truth = patches.cloud().labels();
                    for (int j = 0; j < k; j++) {
                        points[j] = random.nextInt(patches.cloud().size());
                        labels[i * k + j] = index.get(drawn.get(i).partNames().get(truth[points[j]]));
                    }
                    PointContext context = PointContext.of(patches, embedded.get(i).patches(), points);
                    System.arraycopy(context.features(), 0, features, i * k * channels, k * channels);
                    System.arraycopy(context.interpolated(), 0, interpolated, i * k * dim, k * dim);
                }
                try (NDManager scope = model.getNDManager().newSubManager()) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray vectors = trainer.forward(new NDList(scope.create(features, new Shape((long) b * k, channels)),
                            scope.create(interpolated, new Shape((long) b * k, dim)))).singletonOrThrow();
                        NDArray loss = Scalars.div(vectors.matMul(nameArray.transpose()), PartHeadSettings.TEMPERATURE).logSoftmax(1)
                            .gather(scope.create(labels).expandDims(1), 1).neg().mean();
                        float value = loss.getFloat();
                        if (!Float.isFinite(value)) {
                            throw new IllegalStateException("part head loss became " + value + " at step " + step);
                        }
                        lossSum += value;
                        collector.backward(loss);
                    }
                    trainer.step();
                }
                if (step % logEvery == 0 || step == settings.steps()) {
                    int n = step % logEvery == 0 ? logEvery : step % logEvery;
                    double secondsPerStep = (System.nanoTime() - started) / 1e9 / n; // before validation, which is not a step
                    log.println(String.format(Locale.ROOT, "part head step %5d/%d  loss %.3f  val mIoU %.3f  %.2f s/step", step,
                        settings.steps(), lossSum / n, Evaluator.partMiou(val, valEmbedded, valNames, labeller()), secondsPerStep));
                    log.flush();
                    lossSum = 0;
                    started = System.nanoTime();
                }
            }
        }
        double after = Evaluator.partMiou(val, valEmbedded, valNames, labeller());
        return new Result(before, after, vocabulary.size(), labelled.size());
    }

    /** Whether the head can learn from {@code shape}: it has two or more labelled parts to tell apart. */
    public static boolean teaches(TrainingShape shape) {
        return shape.hasParts() && shape.partNames().size() >= 2;
    }

    /** Labels points with the head as trained so far. */
    public PartLabeller labeller() {
        return PartLabeller.of(head, model.getNDManager());
    }

    /**
     * @param patchesMiou validation mIoU from patch vectors alone
     * @param headMiou    validation mIoU with the trained head
     */
    public record Result(double patchesMiou, double headMiou, int partNames, int shapes) {}

    /** {@code patches} turned by {@code angle} about +Y; grouping does not change under a rotation, so it is kept. */
    static Patches turnAboutUp(Patches patches, double angle) {
        PointCloud c = patches.cloud();
        float cos = (float) Math.cos(angle);
        float sin = (float) Math.sin(angle);
        float[] p = c.positions().clone();
        float[] n = c.normals() == null ? null : c.normals().clone();
        for (int i = 0; i < p.length; i += 3) {
            turn(p, i, cos, sin);
            if (n != null) {
                turn(n, i, cos, sin);
            }
        }
        return new Patches(new PointCloud(p, n, c.labels(), c.labelNames()), patches.centres(), patches.members(),
            patches.patchSize());
    }

    private static void turn(float[] v, int i, float cos, float sin) {
        float x = v[i];
        float z = v[i + 2];
        v[i] = cos * x + sin * z;
        v[i + 2] = -sin * x + cos * z;
    }

    @Override
    public void close() {
        model.close();
    }
}
