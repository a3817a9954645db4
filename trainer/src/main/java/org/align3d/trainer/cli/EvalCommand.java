package org.align3d.trainer.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.align3d.encoder.bundle.BundleConfig;
import org.align3d.encoder.bundle.BundleException;
import org.align3d.encoder.bundle.ModelBundle;
import org.align3d.encoder.parts.PartLabeller;
import org.align3d.encoder.parts.PointContext;
import org.align3d.encoder.parts.ZeroShotParts;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineInfo;
import org.align3d.encoder.runtime.EngineRuntime;
import org.align3d.encoder.runtime.EngineStartException;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.encoder.text.TextLimits;
import org.align3d.sampling.GeometryPipeline;
import org.align3d.sampling.SamplingConfig;
import org.align3d.synth.ManifestException;
import org.align3d.synth.Split;
import org.align3d.trainer.data.ShapeLoader;
import org.align3d.trainer.data.TrainingShape;
import org.align3d.trainer.eval.BundleEvaluation;
import org.align3d.trainer.eval.CategoryNames;
import org.align3d.trainer.eval.EvaluationReport;
import org.align3d.trainer.eval.ShapeClassification;

/** {@code ./align3d eval}: measures a model bundle on a dataset split. See {@link #USAGE}. */
public final class EvalCommand {

    static final String USAGE = """
        usage: ./align3d eval [--model DIR] [--data synth:COUNT[:SEED] | --data MANIFEST] [--split test|val|train|all]
                              [--gallery N] [--parts head|patches] [--part-neighbours N] [--bare-points N]
                              [--category-names FILE] [--json FILE] [--per-shape FILE]
          --model    model bundle directory (default models/align3d-default)
          --data     the generator (default synth:6000:1, whose test split the default model never saw) or a manifest
          --split    which split to use as the gallery (default test; manifests without splits: all)
          --gallery  at most N shapes (default 1000)
          --parts    how points get part labels in the mIoU measurement: head (default when the bundle has a part
                     head, as _segment does) or patches (part-name similarities of patch vectors, interpolated)
          --part-neighbours  with --parts patches, the patch centres each point's similarities are interpolated
                     from (default 2, as _segment does without a head; 1 gives each point its nearest patch's label)
          --bare-points  read every mesh as a scan: a bare point cloud of N surface points without normals, whose
                     normals are then estimated from neighbours as for any such PLY (default 0: meshes as they are)
          --category-names  classify under other names: FILE has lines "category<TAB>name" (as
                     bench-results/held-out-nouns.tsv, nouns the generator never uses); shapes of categories
                     without a name are left out of the gallery
          --json     also write the metrics as JSON
          --per-shape  also write each shape's zero-shot classification as JSON lines: id, category, the rank of
                     its category and the five best categories with their scores (which meshes are taken for what)
        Prints: text->3D exact R@1/5/10 and attribute-consistent P@1/5 (HAF rerank and global only), 3D->text R@1,
        zero-shot category top-1/5, hard-negative accuracy (global vs HAF), zero-shot part segmentation mIoU.
        """;

    private EvalCommand() {}

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (UsageException e) {
            System.err.println("align3d eval: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (BundleException | ManifestException | IOException | IllegalArgumentException | EngineStartException e) {
            System.err.println("align3d eval: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args, PrintStream out) throws IOException, ManifestException, BundleException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(USAGE);
            return;
        }
        Flags f = new Flags(args, Set.of("--model", "--data", "--split", "--gallery", "--parts", "--part-neighbours",
            "--bare-points", "--category-names", "--json", "--per-shape"), Set.of());
        Path modelDir = f.path("--model", Path.of("models", "align3d-default"));
        DataSpec data = DataSpec.parse(f.string("--data", "synth:6000:1"));
        String split = f.choice("--split", data.manifest() == null ? "test" : "all", List.of("test", "val", "train", "all"));
        int galleryLimit = f.integer("--gallery", 1000, 2, 1_000_000);
        int partNeighbours = f.integer("--part-neighbours", ZeroShotParts.NEIGHBOURS, 1, 64);
        int barePoints = f.integer("--bare-points", 0, 0, 1_000_000);
        Path categoryNames = f.path("--category-names", null);
        EngineInfo engine = EngineRuntime.start(DevicePreference.AUTO);
        try (NDManager manager = NDManager.newBaseManager(engine.device(), engine.engineName());
             FrozenTextEncoder text = FrozenTextEncoder.load(TextLimits.DEFAULT)) {
            ModelBundle bundle = ModelBundle.load(modelDir, manager);
            BundleConfig config = bundle.config();
            String parts = f.choice("--parts", config.hasPartHead() ? "head" : "patches", List.of("head", "patches"));
            if (parts.equals("head") && !config.hasPartHead()) {
                throw new UsageException("--parts head: bundle " + modelDir + " has no part head (add one with ./align3d train-parts)");
            }
            if (parts.equals("head") && f.has("--part-neighbours")) {
                throw new UsageException("--part-neighbours applies to --parts patches; the part head reads "
                    + PointContext.NEIGHBOURS + " patches per point");
            }
            PartLabeller labeller = parts.equals("head") ? PartLabeller.of(bundle.partHead(), manager)
                : PartLabeller.fromPatches(partNeighbours);
            GeometryPipeline pipeline = new GeometryPipeline(new SamplingConfig(config.shape().points(), config.shape().patches(),
                config.shape().patchSize()));
            List<TrainingShape> all = data.load(new ShapeLoader(pipeline, 7, barePoints));
            if (categoryNames != null) {
                all = CategoryNames.read(categoryNames).rename(all);
            }
            List<TrainingShape> gallery = new ArrayList<>();
            for (TrainingShape s : all) {
                if (gallery.size() < galleryLimit && (split.equals("all") || s.split() == Split.parse(split))) {
                    gallery.add(s);
                }
            }
            if (gallery.size() < 2) {
                throw new IllegalArgumentException("the " + split + " split of " + data.describe() + " has fewer than 2 shapes");
            }
            EvaluationReport report = BundleEvaluation.evaluate(bundle, manager, text, gallery, labeller);
            out.printf("model %s on %s, split %s%s%s; parts from %s%n%n", config.id(), data.describe(), split,
                barePoints == 0 ? "" : ", read as bare point clouds of " + barePoints + " points without normals",
                categoryNames == null ? "" : ", categories named as in " + categoryNames,
                parts.equals("head") ? "the part head" : "patch vectors");
            out.print(report.table());
            if (f.has("--json")) {
                Files.writeString(Path.of(f.string("--json", "eval.json")), report.json() + "\n");
            }
            if (f.has("--per-shape")) {
                StringBuilder lines = new StringBuilder();
                for (ShapeClassification c : report.shapes()) {
                    lines.append(c.json()).append('\n');
                }
                Files.writeString(Path.of(f.string("--per-shape", "per-shape.jsonl")), lines);
            }
        }
    }
}
