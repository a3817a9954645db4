package org.align3d.trainer.run;

import ai.djl.Device;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.align3d.encoder.embed.QueryEmbedder;
import org.align3d.encoder.embed.ShapeEmbedder;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.PartGroups;
import org.align3d.encoder.parts.PartLabeller;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.trainer.data.CaptionBank;
import org.align3d.trainer.data.CaptionMentions;
import org.align3d.trainer.data.TrainingShape;
import org.align3d.trainer.eval.EmbeddedGallery;
import org.align3d.trainer.eval.EvaluationReport;
import org.align3d.trainer.eval.Evaluator;
import org.align3d.trainer.train.AlignmentTrainer;
import org.align3d.trainer.train.ChunkReport;
import org.align3d.trainer.train.TrainingConfig;

/**
 * One training run: data, the caption bank, the trainer, and the validation that reports progress and feeds
 * calibration. Checkpoints go to {@code checkpoints/step-N/} and {@code checkpoints/last} names the newest.
 */
public final class TrainingRun implements AutoCloseable {

    private final ShapeEncoderConfig shapeConfig;
    private final Datasets data;
    private final CaptionBank bank;
    private final CaptionMentions mentions = new CaptionMentions();
    private final AlignmentTrainer trainer;
    private final Path checkpoints;
    private final PrintStream log;

    public TrainingRun(ShapeEncoderConfig shapeConfig, TrainingConfig config, Datasets data, FrozenTextEncoder text,
                       Path checkpoints, Device device, PrintStream log) {
        this.shapeConfig = shapeConfig;
        this.data = data;
        this.checkpoints = checkpoints;
        this.log = log;
        List<TrainingShape> all = new ArrayList<>(data.train());
        all.addAll(data.val());
        all.addAll(data.test());
        List<String> prompts = all.stream().map(TrainingShape::category).filter(c -> c != null).distinct()
            .map(EmbeddedGallery::prompt).toList();
        this.bank = CaptionBank.encode(text, all, prompts);
        this.trainer = new AlignmentTrainer(shapeConfig, config, data.train(), bank, mentions, device);
    }

    public AlignmentTrainer trainer() {
        return trainer;
    }

    public Datasets data() {
        return data;
    }

    public CaptionMentions mentions() {
        return mentions;
    }

    public CaptionBank bank() {
        return bank;
    }

    public ShapeEncoderConfig shapeConfig() {
        return shapeConfig;
    }

    public EmbeddedGallery embed(List<TrainingShape> shapes) {
        ShapeEmbedder shapeEmbedder = new ShapeEmbedder(trainer.network().shapeEncoder(), trainer.manager(), PartGroups.DEFAULT_GROUPS);
        QueryEmbedder queryEmbedder = new QueryEmbedder(trainer.network().textProjection());
        return EmbeddedGallery.embed(shapes, shapeEmbedder, queryEmbedder, bank::get);
    }

    public EvaluationReport evaluate(List<TrainingShape> shapes, HafPolicy retrieval, HafPolicy classification) {
        return new Evaluator(mentions).evaluate(embed(shapes), retrieval, classification);
    }

    /** As {@link #evaluate(List, HafPolicy, HafPolicy)}, with part labels from {@code parts}. */
    public EvaluationReport evaluate(List<TrainingShape> shapes, HafPolicy retrieval, HafPolicy classification, PartLabeller parts) {
        return new Evaluator(mentions, parts).evaluate(embed(shapes), retrieval, classification);
    }

    /**
     * Part-name vectors (of the data's part names) under the network as trained so far: one snapshot of the text
     * projection serves every name, rather than a copy of its weights per name.
     */
    public Function<String, float[]> partVectors() {
        QueryEmbedder embedder = new QueryEmbedder(trainer.network().textProjection());
        return name -> embedder.partVector(bank.get(name));
    }

    /** Trains {@code steps} steps, validates, logs one progress line and writes a checkpoint. */
    public EvaluationReport trainChunk(int steps) throws IOException {
        ChunkReport r = trainer.train(steps);
        EvaluationReport val = evaluate(data.val(), HafPolicy.UNCALIBRATED, HafPolicy.UNCALIBRATED);
        log.println(String.format(Locale.ROOT,
            "step %5d/%d  loss %.3f (global %.3f, token-patch %.3f, hard-neg %.3f, part %.3f, consistency %.3f)  |g| %.2f%s  lr %.2e"
                + "  T %.3f  val R@1 %.3f R@5 %.3f attrP@1 %.3f hardneg %.3f/%.3f  %.2f s/step",
            trainer.step(), trainer.config().totalSteps(), r.loss(), r.global(), r.tokenPatch(), r.hardNegative(), r.part(), r.consistency(),
            r.gradientNorm(), r.skippedSteps() == 0 ? "" : " (" + r.skippedSteps() + " skipped: non-finite gradients)",
            trainer.schedule().current(), trainer.temperature(), val.textToShape()[0], val.textToShape()[1],
            val.attributePrecision()[0], val.hardNegativeGlobal(), val.hardNegativeHaf(), r.seconds() / Math.max(1, r.steps())));
        log.flush();
        checkpoint();
        return val;
    }

    public Path checkpoint() throws IOException {
        Path dir = checkpoints.resolve("step-" + trainer.step());
        trainer.save(dir);
        Files.writeString(checkpoints.resolve("last"), dir.getFileName() + "\n");
        return dir;
    }

    /** The newest checkpoint, or null when none was written. */
    public static Path lastCheckpoint(Path checkpoints) throws IOException {
        Path last = checkpoints.resolve("last");
        return Files.isRegularFile(last) ? checkpoints.resolve(Files.readString(last).trim()) : null;
    }

    @Override
    public void close() {
        trainer.close();
    }
}
