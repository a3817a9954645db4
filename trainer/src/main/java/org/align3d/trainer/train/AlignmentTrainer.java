package org.align3d.trainer.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SplittableRandom;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.trainer.data.CaptionBank;
import org.align3d.trainer.data.CaptionMentions;
import org.align3d.trainer.data.TrainingShape;
import org.align3d.trainer.model.AlignmentNetwork;

/**
 * Trains the {@link AlignmentNetwork} with Adam on CPU (or the first GPU), chunk by chunk, so calibration can
 * change the learning rate and temperature between chunks and checkpoints can be taken and restored.
 */
public final class AlignmentTrainer implements AutoCloseable {

    /** Gradients are rescaled to this global norm at most: one bad batch must not wreck the weights. */
    static final float CLIP_NORM = 5f;

    private final TrainingConfig config;
    private final AlignmentNetwork network;
    private final Model model;
    private final Trainer trainer;
    private final LearningRateSchedule schedule;
    private final BatchSampler sampler;
    private final BatchBuilder builder;
    private final AlignmentObjective objective;
    private SplittableRandom random;
    private float temperature;
    private int step;
    private int skipped;

    public AlignmentTrainer(ShapeEncoderConfig shapeConfig, TrainingConfig config, List<TrainingShape> train,
                            CaptionBank bank, CaptionMentions mentions, Device device) {
        this.config = config;
        Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
        this.network = new AlignmentNetwork(shapeConfig);
        this.model = Model.newInstance("align3d", device, "PyTorch");
        model.setBlock(network);
        this.schedule = new LearningRateSchedule(config.learningRate(), config.warmupSteps(), config.totalSteps());
        // DJL wants a Loss in the config; ours is computed by AlignmentObjective, so this one is never evaluated.
        DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(Loss.l2Loss())
            .optOptimizer(Adam.builder().optLearningRateTracker(schedule).build())
            .optDevices(new Device[] {device});
        this.trainer = model.newTrainer(djlConfig);
        trainer.initialize(AlignmentNetwork.inputShapes(shapeConfig, 2, 2, 4, 2, 2));
        this.sampler = new BatchSampler(train, config.batchSize());
        this.builder = new BatchBuilder(shapeConfig, bank, mentions);
        this.objective = new AlignmentObjective(config.losses());
        this.random = new SplittableRandom(config.seed());
        this.temperature = config.temperature();
    }

    public AlignmentNetwork network() {
        return network;
    }

    public NDManager manager() {
        return model.getNDManager();
    }

    public int step() {
        return step;
    }

    public TrainingConfig config() {
        return config;
    }

    public float temperature() {
        return temperature;
    }

    public void temperature(float value) {
        if (!(value >= 0.005f && value <= 10f)) {
            throw new IllegalArgumentException("temperature [" + value + "] must be in 0.005..10");
        }
        temperature = value;
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    /**
     * Runs {@code steps} steps.
     *
     * @throws NonFiniteLossException when a loss is NaN or infinite; the weights are those before that step
     */
    public ChunkReport train(int steps) {
        long start = System.nanoTime();
        double loss = 0;
        double global = 0;
        double tokenPatch = 0;
        double hardNegative = 0;
        double part = 0;
        double consistency = 0;
        double gradNorm = 0;
        int skippedBefore = skipped;
        for (int i = 0; i < steps; i++) {
            schedule.step(step);
            BatchSampler.Draw draw = sampler.next(random);
            try (NDManager batchManager = model.getNDManager().newSubManager()) {
                Batch batch = builder.build(batchManager, draw.shapes(), draw.captions(), config.augmentation(), random);
                AlignmentObjective.Losses losses;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList out = trainer.forward(batch.inputs());
                    losses = objective.compute(out, batch, temperature);
                    float total = losses.total().getFloat();
                    if (!Float.isFinite(total)) {
                        throw new NonFiniteLossException("loss became " + total + " at step " + step + " (global "
                            + losses.global() + ", token-patch " + losses.tokenPatch() + ", part " + losses.part() + ")");
                    }
                    collector.backward(losses.total());
                    loss += total;
                }
                global += losses.global();
                tokenPatch += losses.tokenPatch();
                hardNegative += losses.hardNegative();
                part += losses.part();
                consistency += losses.consistency();
                double norm = clipGradients();
                gradNorm += Double.isFinite(norm) ? norm : 0;
                trainer.step();
            }
            step++;
        }
        int n = Math.max(1, steps);
        int skippedHere = skipped - skippedBefore;
        return new ChunkReport(steps, loss / n, global / n, tokenPatch / n, hardNegative / n, part / n, consistency / n,
            gradNorm / Math.max(1, steps - skippedHere), skippedHere,
            (System.nanoTime() - start) / 1e9);
    }

    /**
     * Rescales gradients to {@link #CLIP_NORM} when larger; returns the norm before rescaling. A non-finite norm
     * (an exploding or NaN gradient) zeroes the step's gradients, so that one batch cannot poison the weights;
     * such steps are counted in {@link #skippedSteps()}.
     */
    double clipGradients() {
        double sum = 0;
        for (Pair<String, Parameter> p : network.getParameters()) {
            try (NDArray grad = p.getValue().getArray().getGradient();
                 NDArray wide = grad.toType(ai.djl.ndarray.types.DataType.FLOAT64, false);
                 NDArray squares = wide.square();
                 NDArray total = squares.sum()) {
                sum += total.getDouble();
            }
        }
        double norm = Math.sqrt(sum);
        float factor = !Double.isFinite(norm) ? 0f : norm > CLIP_NORM ? (float) (CLIP_NORM / norm) : 1f;
        if (!Double.isFinite(norm)) {
            skipped++;
        }
        if (factor != 1f) {
            for (Pair<String, Parameter> p : network.getParameters()) {
                try (NDArray grad = p.getValue().getArray().getGradient()) {
                    if (factor == 0f) {
                        // in place over every element; not muli(0) (inf * 0 is NaN), and an empty NDIndex is refused by PyTorch
                        grad.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
                    } else {
                        grad.muli(factor);
                    }
                }
            }
        }
        return norm;
    }

    /** Steps whose gradients were not finite and were dropped. */
    public int skippedSteps() {
        return skipped;
    }

    /** Writes the weights and {@link TrainingState} into {@code dir}, atomically per file. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path weights = dir.resolve("network.params");
        Path tmp = dir.resolve("network.params.tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            network.saveParameters(new DataOutputStream(out));
        }
        Files.move(tmp, weights, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        new TrainingState(step, schedule.multiplier(), temperature).write(dir.resolve("state.json"));
    }

    /**
     * Restores weights and state saved by {@link #save}; sampling continues from a seed derived from the step.
     *
     * <p>The weights are read into a scratch network and copied into the live parameter arrays in place: replacing
     * the arrays (what {@code loadParameters} does) would drop their gradients and leave the trainer's parameter
     * store updating the old ones.
     */
    public void load(Path dir) throws IOException {
        try (NDManager scratch = model.getNDManager().newSubManager();
             InputStream in = Files.newInputStream(dir.resolve("network.params"))) {
            AlignmentNetwork loaded = new AlignmentNetwork(network.config());
            loaded.initialize(scratch, ai.djl.ndarray.types.DataType.FLOAT32,
                AlignmentNetwork.inputShapes(network.config(), 2, 2, 4, 2, 2));
            loaded.loadParameters(scratch, new DataInputStream(in));
            ai.djl.nn.ParameterList from = loaded.getParameters();
            ai.djl.nn.ParameterList to = network.getParameters();
            for (int i = 0; i < to.size(); i++) {
                from.get(i).getValue().getArray().copyTo(to.get(i).getValue().getArray());
            }
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException("checkpoint " + dir + " does not match this network: " + e.getMessage(), e);
        }
        TrainingState state = TrainingState.read(dir.resolve("state.json"));
        step = state.step();
        schedule.multiplier(state.learningRateMultiplier());
        temperature = state.temperature();
        random = new SplittableRandom(config.seed() * 31 + step);
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
