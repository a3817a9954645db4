package org.align3d.trainer.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.align3d.encoder.bundle.ModelBundle;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The train and eval commands end to end on a few generated shapes: a bundle is written, verified, loaded, measured. */
public class TrainAndEvalCommandTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void trainWritesAVerifiableBundleThatEvalMeasures() throws Exception {
        Path bundle = tmp.getRoot().toPath().resolve("model");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainCommand.run(new String[] {"--data", "synth:80:1", "--steps", "4", "--eval-every", "2", "--batch", "8",
            "--part-head-steps", "3", "--out", bundle.toString(), "--id", "tiny"}, new PrintStream(log, true, StandardCharsets.UTF_8));
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.contains("step     2/4"));
        assertTrue(out, out.contains("part head step     3/3  loss "));
        assertTrue(out, out.contains("step     4/4"));
        assertTrue(out, out.contains("HAF policy (retrieval)"));
        assertTrue(Files.isDirectory(bundle.resolve("../model.checkpoints/step-4")));
        String card = Files.readString(bundle.resolve(ModelBundle.MODEL_CARD));
        assertTrue(card, card.contains("`./align3d train --data synth:80:1 --steps 4 --eval-every 2 --batch 8 --part-head-steps 3 --id tiny`"));
        assertTrue(card, card.contains("## Part head\n\n- Made by: the command above, after the encoders (--part-head-steps 3;"));
        assertFalse("where the bundle went is not part of how to make it: " + card, card.contains("--out"));
        assertTrue("loss weights print as typed: " + card, card.contains("PointAlign consistency x0.1;"));
        assertTrue(card, card.contains("| zero-shot category top-1 (classification policy) |"));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            assertEquals(ShapeEncoderConfig.DEFAULT, ModelBundle.load(bundle, manager).config().shape());
            assertTrue(ModelBundle.load(bundle, manager).partHead() != null);
        }

        Path json = tmp.getRoot().toPath().resolve("eval.json");
        ByteArrayOutputStream evalLog = new ByteArrayOutputStream();
        Path perShape = tmp.getRoot().toPath().resolve("per-shape.jsonl");
        EvalCommand.run(new String[] {"--model", bundle.toString(), "--data", "synth:80:1", "--split", "all", "--json", json.toString(),
            "--per-shape", perShape.toString()},
            new PrintStream(evalLog, true, StandardCharsets.UTF_8));
        String table = evalLog.toString(StandardCharsets.UTF_8);
        assertTrue(table, table.contains("model tiny on Align3D-synth, 80 shapes"));
        assertTrue(table, table.contains("; parts from the part head"));
        assertTrue(table, table.contains("Gallery of 80 shapes"));
        String metrics = Files.readString(json);
        assertTrue(metrics, metrics.matches("(?s)\\{\"gallery\": 80, \"text_to_shape_r1\": [0-9.]+.*\"part_miou\": [0-9.]+, "
            + "\"described_shapes_median\": [0-9.]+, .*\"exact_pair_ceiling_r10\": [0-9.]+, \"part_labeller\": \"head\", "
            + "\"classification_by_category\": "
            + "\\{\"airplane\": \\{\"shapes\": [0-9]+, \"top1\": [0-9.]+, \"top5\": [0-9.]+, \"confused_with\": (null|\"[a-z ]+\"), "
            + "\"part_miou\": (null|[0-9.]+)\\}"
            + ".*\"vase\": \\{[^{}]*\\}\\}\\}\\s*"));
        assertTrue(table, table.contains("Zero-shot classification and part segmentation by category"));
        List<String> shapes = Files.readAllLines(perShape);
        assertEquals(80, shapes.size());
        for (String line : shapes) {
            assertTrue(line, line.matches("\\{\"id\": \"[a-z]+-[0-9]+\", \"category\": \"[a-z]+\", \"rank\": [0-9]+, "
                + "\"top5\": \\[\\{\"category\": \"[a-z]+\", \"score\": -?[0-9.]+\\}(, \\{[^{}]+\\}){4}\\]\\}"));
        }
        long top1 = shapes.stream().filter(l -> l.contains("\"rank\": 1,")).count();
        assertTrue(table, table.contains(String.format(java.util.Locale.ROOT,
            "| zero-shot category top-1 (classification policy) | %.3f |", top1 / 80.0)));
        assertTrue(table, table.matches("(?s).*\\| chair \\| [0-9]+ \\| [0-9.]+ \\| [0-9.]+ \\| [a-z -]+ \\| [0-9.]+ \\|.*"));
    }

    @Test
    public void theAblationHasItsOwnHelpAndUsage() throws Exception {
        ByteArrayOutputStream train = new ByteArrayOutputStream(), ablation = new ByteArrayOutputStream();
        TrainCommand.run(new String[] {"--help"}, new PrintStream(train, true, StandardCharsets.UTF_8));
        TrainCommand.run(new String[] {"--ablation", "--help"}, new PrintStream(ablation, true, StandardCharsets.UTF_8));
        String trainHelp = train.toString(StandardCharsets.UTF_8), ablationHelp = ablation.toString(StandardCharsets.UTF_8);
        assertTrue(trainHelp, trainHelp.contains("./align3d train --ablation --help"));
        assertTrue(ablationHelp, ablationHelp.contains("--warmup-steps") && ablationHelp.contains("--report FILE"));
        assertFalse(ablationHelp, ablationHelp.contains("--out"));
        assertEquals(AblationCommand.USAGE, TrainCommand.usage(new String[] {"--ablation", "--out", "x"}));
    }

    @Test
    public void resumeContinuesFromTheNewestCheckpoint() throws Exception {
        Path bundle = tmp.getRoot().toPath().resolve("model");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String[] common = {"--data", "synth:40:1", "--eval-every", "2", "--batch", "6", "--out", bundle.toString(),
            "--haf-calibration", "none", "--part-head-steps", "0"};
        TrainCommand.run(concat(common, "--steps", "2"), quiet);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainCommand.run(concat(common, "--steps", "4", "--resume"), new PrintStream(log, true, StandardCharsets.UTF_8));
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.contains("at step 2"));
        assertTrue(out, out.contains("step     4/4"));
        assertTrue(out, !out.contains("step     2/4"));
        assertFalse(out, out.contains("part head step"));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            assertEquals(null, ModelBundle.load(bundle, manager).partHead());
        }
    }

    @Test
    public void trainPartsAddsAHeadToABundleWithoutTouchingItsEncoders() throws Exception {
        Path bundle = tmp.getRoot().toPath().resolve("plain");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        TrainCommand.run(new String[] {"--data", "synth:40:1", "--steps", "2", "--batch", "6", "--out", bundle.toString(),
            "--haf-calibration", "none", "--part-head-steps", "0", "--id", "plain"}, quiet);
        byte[] encoder = Files.readAllBytes(bundle.resolve(ModelBundle.SHAPE_PARAMS));
        UsageException noHead = assertThrows(UsageException.class, () -> EvalCommand.run(new String[] {"--model", bundle.toString(),
            "--data", "synth:40:1", "--split", "all", "--parts", "head"}, quiet));
        assertTrue(noHead.getMessage(), noHead.getMessage().contains("has no part head (add one with ./align3d train-parts)"));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainPartsCommand.run(new String[] {"--model", bundle.toString(), "--data", "synth:40:1", "--steps", "3"},
            new PrintStream(log, true, StandardCharsets.UTF_8));
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.contains("part head step     3/3"));
        assertTrue(out, out.matches("(?s).*validation part mIoU [0-9.]+ from patch vectors, [0-9.]+ with the head; bundle written to .*"));
        assertArrayEquals(encoder, Files.readAllBytes(bundle.resolve(ModelBundle.SHAPE_PARAMS)));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            assertTrue(ModelBundle.load(bundle, manager).partHead() != null);
        }
        String card = Files.readString(bundle.resolve(ModelBundle.MODEL_CARD));
        assertTrue(card, card.contains("- Command: `./align3d train --data synth:40:1 --steps 2"));
        assertTrue(card, card.contains("- Made by: `./align3d train-parts --model " + bundle + " --data synth:40:1 --steps 3`"));
        assertEquals(card, 1, card.split("## Evaluation on the held-out test split", -1).length - 1);
        try (var siblings = Files.list(tmp.getRoot().toPath())) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.contains("part-head")).toList());
        }

        ByteArrayOutputStream evalLog = new ByteArrayOutputStream();
        Path patchesJson = tmp.getRoot().toPath().resolve("patches.json");
        EvalCommand.run(new String[] {"--model", bundle.toString(), "--data", "synth:40:1", "--split", "all", "--parts", "patches",
            "--json", patchesJson.toString()}, new PrintStream(evalLog, true, StandardCharsets.UTF_8));
        assertTrue(evalLog.toString(StandardCharsets.UTF_8).contains("; parts from patch vectors"));
        assertTrue(Files.readString(patchesJson).contains("\"part_labeller\": \"patches\""));
        UsageException neighbours = assertThrows(UsageException.class, () -> EvalCommand.run(new String[] {"--model",
            bundle.toString(), "--data", "synth:40:1", "--split", "all", "--part-neighbours", "1"}, quiet));
        assertTrue(neighbours.getMessage(), neighbours.getMessage().contains("--part-neighbours applies to --parts patches"));

        // retraining the head in place replaces its section instead of adding a second one
        TrainPartsCommand.run(new String[] {"--model", bundle.toString(), "--data", "synth:40:1", "--steps", "2"}, quiet);
        String again = Files.readString(bundle.resolve(ModelBundle.MODEL_CARD));
        assertEquals(again, 1, again.split("## Part head", -1).length - 1);
        assertTrue(again, again.contains("--steps 2`") && again.contains("- Data: Align3D-synth, 40 shapes"));
        assertArrayEquals(encoder, Files.readAllBytes(bundle.resolve(ModelBundle.SHAPE_PARAMS)));

        // --out never replaces a directory that is not a bundle
        Path notABundle = Files.createDirectories(tmp.getRoot().toPath().resolve("photos"));
        Files.writeString(notABundle.resolve("keep.txt"), "mine");
        UsageException refused = assertThrows(UsageException.class, () -> TrainPartsCommand.run(new String[] {"--model",
            bundle.toString(), "--data", "synth:40:1", "--steps", "2", "--out", notABundle.toString()}, quiet));
        assertTrue(refused.getMessage(), refused.getMessage().contains("exists and is not a model bundle"));
        assertEquals("mine", Files.readString(notABundle.resolve("keep.txt")));
    }

    @Test
    public void dataWithoutPartLabelsTrainsABundleWithoutAPartHead() throws Exception {
        Path dir = tmp.newFolder("catalog").toPath();
        String pyramid = "v 0 0 0\nv 1 0 0\nv 0 0 1\nv 0 1 0\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n";
        String box = "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nv 0 0 1\nv 1 0 1\nv 1 1 1\nv 0 1 1\n"
            + "f 1 2 3\nf 1 3 4\nf 5 7 6\nf 5 8 7\nf 1 5 6\nf 1 6 2\nf 2 6 7\nf 2 7 3\nf 3 7 8\nf 3 8 4\nf 4 8 5\nf 4 5 1\n";
        Files.writeString(dir.resolve("pyramid.obj"), pyramid);
        Files.writeString(dir.resolve("box.obj"), box);
        StringBuilder manifest = new StringBuilder();
        String[] splits = {"train", "train", "train", "val", "test"};
        for (int i = 0; i < 20; i++) {
            String shape = i % 2 == 0 ? "pyramid" : "box";
            manifest.append(String.format(java.util.Locale.ROOT,
                "{\"id\": \"%s-%d\", \"mesh\": \"%s.obj\", \"category\": \"%s\", \"captions\": [\"a %s\"], \"split\": \"%s\"}%n",
                shape, i, shape, shape, shape, splits[(i / 2) % splits.length]));
        }
        Files.writeString(dir.resolve("manifest.jsonl"), manifest);
        Path bundle = tmp.getRoot().toPath().resolve("unlabelled");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainCommand.run(new String[] {"--data", dir.resolve("manifest.jsonl").toString(), "--steps", "2", "--batch", "4",
            "--haf-calibration", "none", "--out", bundle.toString()}, new PrintStream(log, true, StandardCharsets.UTF_8));
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out, out.contains("no part head: no training shape of manifest " + dir.resolve("manifest.jsonl") + " has two or more labelled parts"));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            assertEquals(null, ModelBundle.load(bundle, manager).partHead());
        }
    }

    @Test
    public void installPutsTheNewBundleInPlaceOfTheOld() throws Exception {
        Path target = Files.createDirectories(tmp.getRoot().toPath().resolve("bundle"));
        Files.writeString(target.resolve("old"), "old");
        Path staging = Files.createDirectories(tmp.getRoot().toPath().resolve("staging"));
        Files.writeString(staging.resolve("new"), "new");
        TrainPartsCommand.install(staging, target);
        assertEquals("new", Files.readString(target.resolve("new")));
        assertFalse(Files.exists(target.resolve("old")));
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(tmp.getRoot().toPath().resolve("bundle.before-part-head")));
        java.io.IOException missing = assertThrows(java.io.IOException.class,
            () -> TrainPartsCommand.install(tmp.getRoot().toPath().resolve("absent"), target));
        assertTrue(missing.getMessage(), missing.getMessage().contains("the bundle there is unchanged"));
        assertEquals("new", Files.readString(target.resolve("new")));
    }

    @Test
    public void badFlagsAreNamed() {
        UsageException unknown = assertThrows(UsageException.class,
            () -> TrainCommand.run(new String[] {"--epochs", "3"}, System.out));
        assertEquals("unknown flag --epochs", unknown.getMessage());
        UsageException steps = assertThrows(UsageException.class,
            () -> TrainCommand.run(new String[] {"--steps", "many"}, System.out));
        assertEquals("--steps [many] is not an integer", steps.getMessage());
        UsageException data = assertThrows(UsageException.class,
            () -> TrainCommand.run(new String[] {"--data", "synth:1"}, System.out));
        assertTrue(data.getMessage(), data.getMessage().contains("synth count must be in 2..1000000"));
        UsageException schedule = assertThrows(UsageException.class,
            () -> TrainCommand.run(new String[] {"--schedule", "cosine"}, System.out));
        assertEquals("--schedule [cosine] must be one of fixed, mcts", schedule.getMessage());
        UsageException dropout = assertThrows(UsageException.class,
            () -> TrainCommand.run(new String[] {"--data", "catalog.jsonl", "--part-dropout", "0.2"}, System.out));
        assertEquals("--part-dropout needs generated data (--data synth:COUNT[:SEED])", dropout.getMessage());
        UsageException ablation = assertThrows(UsageException.class,
            () -> TrainCommand.run(new String[] {"--ablation", "--budget", "10000", "--chunk", "300000"}, System.out));
        assertEquals("--warmup-steps + --budget x --chunk is 3000000600 steps; at most 10000000", ablation.getMessage());
    }

    /** What would only fail after hours of training is refused before the engine starts. */
    @Test
    public void aBadIdOrOutIsRefusedBeforeTraining() throws Exception {
        UsageException id = assertThrows(UsageException.class,
            () -> TrainCommand.run(new String[] {"--id", "MyModel", "--out", tmp.getRoot().toPath().resolve("m").toString()},
                System.out));
        assertTrue(id.getMessage(), id.getMessage().startsWith("--id: bundle id [MyModel] must be"));
        Path notes = tmp.newFolder("notes").toPath();
        Files.writeString(notes.resolve("todo.txt"), "keep me");
        UsageException out = assertThrows(UsageException.class,
            () -> TrainCommand.run(new String[] {"--out", notes.toString()}, System.out));
        assertEquals("--out [" + notes + "] exists and is not a model bundle: give a new directory, or a bundle to replace",
            out.getMessage());
        assertEquals("keep me", Files.readString(notes.resolve("todo.txt")));
    }

    @Test
    public void dataWithoutValidationShapesIsRefusedBeforeTraining() throws Exception {
        Path data = tmp.newFolder("trainonly").toPath();
        Files.writeString(data.resolve("box.obj"), "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n");
        StringBuilder manifest = new StringBuilder();
        for (int i = 0; i < 6; i++) { // every line in training: nothing to validate or test on
            manifest.append("{\"id\": \"b").append(i).append("\", \"mesh\": \"box.obj\", \"category\": \"box\", "
                + "\"captions\": [\"a box\"], \"split\": \"train\"}\n");
        }
        Files.writeString(data.resolve("manifest.jsonl"), manifest);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainCommand.run(new String[] {
            "--data", data.resolve("manifest.jsonl").toString(), "--steps", "2", "--out", data.resolve("m").toString()},
            System.out));
        assertTrue(e.getMessage(), e.getMessage().contains("has 0 validation and 0 test shapes; a run needs at least 2 of each"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
