package org.align3d.encoder.bundle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.joint.TextProjection;
import org.align3d.encoder.parts.PartHead;
import org.align3d.encoder.parts.PointContext;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineRuntime;
import org.align3d.encoder.shape.PointPatchEncoder;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ModelBundleTest {

    private static final ShapeEncoderConfig SMALL = new ShapeEncoderConfig(256, 16, 8, 6, 32, 1, 4, 24, 12);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path writeBundle(NDManager manager, PointPatchEncoder shape, TextProjection text) throws Exception {
        Path dir = tmp.newFolder("bundle").toPath();
        BundleConfig config = new BundleConfig("test-model", BundleConfig.TEXT_MODEL, SMALL, 4,
            Map.of(BundleConfig.RETRIEVAL, new HafPolicy(1, 0.5, 0.25, 0.1)), Map.of("djl", "0.35.1"));
        ModelBundle.write(dir, config, shape, text, "# test model\n");
        return dir;
    }

    private static PointPatchEncoder shape(NDManager manager) {
        PointPatchEncoder shape = new PointPatchEncoder(SMALL);
        shape.initialize(manager, DataType.FLOAT32, new Shape(1, 16, 8, 6), new Shape(1, 16, 3));
        return shape;
    }

    private static TextProjection text(NDManager manager) {
        TextProjection text = new TextProjection(24, 12);
        text.initialize(manager, DataType.FLOAT32, new Shape(1, FrozenTextEncoder.DIM), new Shape(1, 1, FrozenTextEncoder.DIM));
        return text;
    }

    @Test
    public void roundTripsConfigAndWeights() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PointPatchEncoder shape = shape(manager);
            Path dir = writeBundle(manager, shape, text(manager));
            ModelBundle loaded = ModelBundle.load(dir, manager);
            assertEquals("test-model", loaded.config().id());
            assertEquals(SMALL, loaded.config().shape());
            assertEquals(new HafPolicy(1, 0.5, 0.25, 0.1), loaded.config().policy("classification"));
            assertEquals("# test model\n", loaded.modelCard());
            NDList in = new NDList(manager.randomNormal(new Shape(2, 16, 8, 6)), manager.randomNormal(new Shape(2, 16, 3)));
            assertSameOutput(shape, loaded.shapeEncoder(), in, manager);
        }
    }

    @Test
    public void alteredFileIsRefusedNamingIt() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Path dir = writeBundle(manager, shape(manager), text(manager));
            flipOneBit(dir.resolve(ModelBundle.SHAPE_PARAMS));
            BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(dir, manager));
            assertTrue(e.getMessage(), e.getMessage().contains("shape-encoder.params has SHA-256"));
            assertTrue(e.getMessage(), e.getMessage().contains("altered or damaged"));
        }
    }

    @Test
    public void missingFileIsRefusedNamingIt() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Path dir = writeBundle(manager, shape(manager), text(manager));
            Files.delete(dir.resolve(ModelBundle.TEXT_PARAMS));
            BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(dir, manager));
            assertTrue(e.getMessage(), e.getMessage().contains("text-projection.params is missing"));
        }
    }

    @Test
    public void otherFormatVersionIsRefused() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Path dir = writeBundle(manager, shape(manager), text(manager));
            Path config = dir.resolve(ModelBundle.CONFIG);
            Files.writeString(config, Files.readString(config).replace("align3d-bundle/1", "align3d-bundle/9"));
            // re-sign so only the version check can refuse it
            ModelBundle.write(dir, BundleConfigFixture.unused(), shape(manager), text(manager), "x");
            Files.writeString(config, Files.readString(config).replace("align3d-bundle/1", "align3d-bundle/9"));
            String sums = Files.readString(dir.resolve(ModelBundle.CHECKSUMS));
            String fixed = sums.replaceAll("[0-9a-f]{64}  bundle.json", ModelBundle.sha256(config) + "  bundle.json");
            Files.writeString(dir.resolve(ModelBundle.CHECKSUMS), fixed);
            BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(dir, manager));
            assertTrue(e.getMessage(), e.getMessage().contains("format [align3d-bundle/9]"));
        }
    }

    private static PartHead head(NDManager manager) {
        PartHead head = new PartHead(12, 16);
        head.initialize(manager, DataType.FLOAT32, new Shape(1, PointContext.channels(12)), new Shape(1, 12));
        return head;
    }

    private Path writeBundleWithHead(NDManager manager, PartHead head) throws Exception {
        Path dir = tmp.newFolder("with-head").toPath();
        ModelBundle.write(dir, BundleConfigFixture.unused().withPartHead(16), shape(manager), text(manager), head, "# with head\n");
        return dir;
    }

    @Test
    public void partHeadRoundTripsAndIsCheckedLikeEveryFile() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PartHead head = head(manager);
            Path dir = writeBundleWithHead(manager, head);
            assertTrue(Files.readString(dir.resolve(ModelBundle.CONFIG)), Files.readString(dir.resolve(ModelBundle.CONFIG))
                .contains("\"part_head\": {\"width\": 16, \"neighbours\": 3}"));
            ModelBundle loaded = ModelBundle.load(dir, manager);
            assertEquals(16, loaded.config().partHeadWidth());
            NDList in = new NDList(manager.randomNormal(new Shape(5, PointContext.channels(12))), manager.randomNormal(new Shape(5, 12)));
            assertSameOutput(head, loaded.partHead(), in, manager);

            flipOneBit(dir.resolve(ModelBundle.PART_HEAD_PARAMS));
            BundleException altered = assertThrows(BundleException.class, () -> ModelBundle.load(dir, manager));
            assertTrue(altered.getMessage(), altered.getMessage().contains("part-head.params has SHA-256"));

            String sums = Files.readString(dir.resolve(ModelBundle.CHECKSUMS));
            Files.writeString(dir.resolve(ModelBundle.CHECKSUMS), sums.replaceAll("[0-9a-f]{64}  part-head.params\n", ""));
            BundleException unlisted = assertThrows(BundleException.class, () -> ModelBundle.load(dir, manager));
            assertTrue(unlisted.getMessage(), unlisted.getMessage().contains("has a part_head but SHA256SUMS does not list part-head.params"));
        }
    }

    @Test
    public void bundleWithoutHeadHasNoneAndAConfigWithoutHeadRefusesOne() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Path dir = writeBundle(manager, shape(manager), text(manager));
            assertEquals(null, ModelBundle.load(dir, manager).partHead());
            assertTrue(!Files.readString(dir.resolve(ModelBundle.CONFIG)).contains("part_head"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                ModelBundle.write(dir, BundleConfigFixture.unused(), shape(manager), text(manager), head(manager), "x"));
            assertTrue(e.getMessage(), e.getMessage().contains("has no part head but one was given"));
        }
    }

    @Test
    public void checksumsWrittenOnWindowsLoadAndDuplicateOrOversizedOnesAreRefused() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Path dir = writeBundle(manager, shape(manager), text(manager));
            Path sums = dir.resolve(ModelBundle.CHECKSUMS);
            String lines = Files.readString(sums);
            Files.writeString(sums, lines.replace("\n", "\r\n"));
            assertEquals(null, ModelBundle.load(dir, manager).partHead());
            String first = lines.substring(0, lines.indexOf('\n') + 1);
            Files.writeString(sums, lines + first);
            BundleException twice = assertThrows(BundleException.class, () -> ModelBundle.load(dir, manager));
            assertTrue(twice.getMessage(), twice.getMessage().contains(" twice"));
            Files.writeString(sums, lines + "\n".repeat(ModelBundle.MAX_CHECKSUMS_BYTES));
            BundleException large = assertThrows(BundleException.class, () -> ModelBundle.load(dir, manager));
            assertTrue(large.getMessage(), large.getMessage().contains("SHA256SUMS is larger than 65536 bytes"));
        }
    }

    @Test
    public void partHeadOfAnotherWidthThanTheConfigIsRefused() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Path dir = writeBundleWithHead(manager, head(manager));
            Path config = dir.resolve(ModelBundle.CONFIG);
            Files.writeString(config, Files.readString(config).replace("\"width\": 16,", "\"width\": 24,"));
            String sums = Files.readString(dir.resolve(ModelBundle.CHECKSUMS));
            Files.writeString(dir.resolve(ModelBundle.CHECKSUMS),
                sums.replaceAll("[0-9a-f]{64}  bundle.json", ModelBundle.sha256(config) + "  bundle.json"));
            BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(dir, manager));
            // DJL would take the file's shapes and fail only at the first forward pass: every tensor is checked at load
            assertTrue(e.getMessage(), e.getMessage().contains("part-head.params holds tensor ")
                && e.getMessage().contains("of shape (16, ") && e.getMessage().contains("the architecture in bundle.json needs (24, "));
        }
    }

    @Test
    public void partHeadOfAnotherNeighbourCountIsRefused() {
        String json = BundleConfigFixture.unused().withPartHead(16).toJson().replace("\"neighbours\": 3", "\"neighbours\": 5");
        BundleException e = assertThrows(BundleException.class, () -> BundleConfig.parse(json));
        assertTrue(e.getMessage(), e.getMessage().contains("part_head reads 5 patches per point; this align3d's part head reads 3"));
    }

    /** Zips the files of {@code dir} into {@code zip}, each name prefixed with {@code prefix}. */
    /** Damages {@code file} as a bad disk or copy would: one bit in its middle. */
    /** The loaded block computes exactly what the saved one does. */
    private static void assertSameOutput(Block saved, Block loaded, NDList in, NDManager manager) {
        ParameterStore ps = new ParameterStore(manager, false);
        assertArrayEquals(saved.forward(ps, in, false).get(0).toFloatArray(), loaded.forward(ps, in, false).get(0).toFloatArray(), 0f);
    }

    private static void flipOneBit(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
    }

    private static void zip(Path dir, Path zip, String prefix) throws Exception {
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
             var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(prefix + f.getFileName()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
    }

    @Test
    public void aZipOfTheBundleLoadsAsTheDirectoryDoesWithItsFilesAtTheRootOrInOneDirectory() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PartHead head = head(manager);
            Path dir = writeBundleWithHead(manager, head);
            for (String prefix : new String[] {"", "with-head/"}) {
                Path zip = tmp.getRoot().toPath().resolve("bundle" + prefix.length() + ".zip");
                zip(dir, zip, prefix);
                ModelBundle loaded = ModelBundle.load(zip, manager);
                assertEquals(16, loaded.config().partHeadWidth());
                assertEquals("# with head\n", loaded.modelCard());
                assertEquals(loaded.config(), ModelBundle.readConfig(zip));
                NDList in = new NDList(manager.randomNormal(new Shape(3, PointContext.channels(12))), manager.randomNormal(new Shape(3, 12)));
                assertSameOutput(head, loaded.partHead(), in, manager);
            }
        }
    }

    @Test
    public void aZipWithAnAlteredOrMissingFileIsRefusedNamingIt() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Path dir = writeBundle(manager, shape(manager), text(manager));
            flipOneBit(dir.resolve(ModelBundle.TEXT_PARAMS));
            Path altered = tmp.getRoot().toPath().resolve("altered.zip");
            zip(dir, altered, "");
            BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(altered, manager));
            assertTrue(e.getMessage(), e.getMessage().contains("altered.zip: text-projection.params has SHA-256"));

            Files.delete(dir.resolve(ModelBundle.TEXT_PARAMS));
            Path missing = tmp.getRoot().toPath().resolve("missing.zip");
            zip(dir, missing, "nested/deeper/"); // not one top-level directory: nothing is found
            BundleException none = assertThrows(BundleException.class, () -> ModelBundle.load(missing, manager));
            assertTrue(none.getMessage(), none.getMessage().contains("missing.zip has no SHA256SUMS"));

            Path notAZip = tmp.getRoot().toPath().resolve("broken.zip");
            Files.writeString(notAZip, "not a zip");
            BundleException broken = assertThrows(BundleException.class, () -> ModelBundle.load(notAZip, manager));
            assertTrue(broken.getMessage(), broken.getMessage().contains("broken.zip is not a readable zip file"));
        }
    }

    /** A config only used to produce files that the test then rewrites. */
    static final class BundleConfigFixture {
        static BundleConfig unused() {
            return new BundleConfig("test-model", BundleConfig.TEXT_MODEL, SMALL, 4,
                Map.of(BundleConfig.RETRIEVAL, HafPolicy.UNCALIBRATED), Map.of());
        }
    }
}
