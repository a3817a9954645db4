package org.align3d.encoder.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.align3d.encoder.bundle.BundleConfig;
import org.align3d.encoder.bundle.ModelBundle;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.haf.HafScorer;
import org.align3d.encoder.haf.HafShape;
import org.align3d.encoder.joint.TextProjection;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineRuntime;
import org.align3d.encoder.shape.PointPatchEncoder;
import org.align3d.encoder.shape.ShapeEncoderConfig;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.encoder.text.TextLimits;
import org.align3d.mesh.Mesh;
import org.align3d.synth.Align3dSynth;
import org.align3d.synth.SampleSpec;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A bundle with untrained weights is enough to check serving mechanics: determinism, storage, segmentation. */
public class ShapeModelTest {

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();
    private static final ShapeEncoderConfig SMALL = new ShapeEncoderConfig(512, 16, 16, 6, 32, 1, 4, 32, 16);
    private static FrozenTextEncoder text;
    private static ShapeModel model;
    private static List<Mesh> meshes;

    @BeforeClass
    public static void load() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        text = FrozenTextEncoder.load(TextLimits.DEFAULT);
        Path dir = tmp.newFolder("bundle").toPath();
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            PointPatchEncoder shape = new PointPatchEncoder(SMALL);
            shape.initialize(m, DataType.FLOAT32, new Shape(1, 16, 16, 6), new Shape(1, 16, 3));
            TextProjection proj = new TextProjection(32, 16);
            proj.initialize(m, DataType.FLOAT32, new Shape(1, 384), new Shape(1, 1, 384));
            ModelBundle.write(dir, new BundleConfig("small", BundleConfig.TEXT_MODEL, SMALL, 4,
                Map.of(BundleConfig.RETRIEVAL, HafPolicy.UNCALIBRATED), Map.of()), shape, proj, "# small\n");
        }
        model = ShapeModel.load(dir, text, Device.cpu());
        Align3dSynth synth = new Align3dSynth();
        List<SampleSpec> specs = synth.plan(3, 4);
        meshes = specs.stream().map(synth::mesh).toList();
    }

    @AfterClass
    public static void close() {
        model.close();
        text.close();
    }

    @Test
    public void embeddingIsDeterministicAndBatchIndependent() {
        AssetEmbedding alone = model.embed(meshes.get(1));
        AssetEmbedding batched = model.embed(meshes).get(1);
        assertArrayEquals(alone.vector(), batched.vector(), 1e-5f);
        assertEquals(32, alone.vector().length);
        assertEquals(16, alone.shape().patches().length);
        assertEquals(1.0, norm(alone.vector()), 1e-4);
    }

    @Test
    public void storedFormIsCompactAndScoresLikeTheOriginal() {
        AssetEmbedding e = model.embed(meshes.get(0));
        byte[] stored = PatchVectorsCodec.encode(e);
        assertEquals(PatchVectorsCodec.size(16, 16, 32), stored.length);
        AssetEmbedding back = PatchVectorsCodec.decode(stored);
        HafQuery q = model.query("a chair with four legs");
        HafScorer scorer = new HafScorer(HafPolicy.UNCALIBRATED);
        assertEquals(scorer.score(q, e.shape()).score(), scorer.score(q, back.shape()).score(), 0.01);
        assertArrayEquals(e.shape().patchGroups(), back.shape().patchGroups());
        assertEquals(e.frame().height(), back.frame().height(), 1e-4);
        assertArrayEquals(e.centreInFile(3), back.centreInFile(3), 1e-3);
        // A doc value's slice inside a larger buffer decodes in place to the same asset.
        byte[] framed = new byte[stored.length + 11];
        System.arraycopy(stored, 0, framed, 7, stored.length);
        AssetEmbedding slice = PatchVectorsCodec.decode(framed, 7, stored.length);
        assertArrayEquals(back.shape().global(), slice.shape().global(), 0f);
        assertArrayEquals(back.shape().patches()[5], slice.shape().patches()[5], 0f);
        assertArrayEquals(back.radii(), slice.radii(), 0f);
        // A scorer reused across assets (as the rerank loop does) gives each the score a fresh scorer gives.
        HafScorer fresh = new HafScorer(HafPolicy.UNCALIBRATED);
        for (Mesh mesh : meshes) {
            HafShape shape = model.embed(mesh).shape();
            assertEquals(fresh.score(q, shape).score(), scorer.score(q, shape).score(), 1e-9);
            fresh = new HafScorer(HafPolicy.UNCALIBRATED);
        }
    }

    @Test
    public void damagedStoredFormIsRefused() {
        byte[] stored = PatchVectorsCodec.encode(model.embed(meshes.get(0)));
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
            () -> PatchVectorsCodec.decode(java.util.Arrays.copyOf(stored, stored.length - 5)));
        assertTrue(truncated.getMessage(), truncated.getMessage().contains("damaged"));
        stored[0] = 9;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PatchVectorsCodec.decode(stored)).getMessage()
            .contains("version 9"));
    }

    @Test
    public void segmentationLabelsEveryPointWithAGivenName() {
        Segmentation s = model.segment(meshes.get(0), List.of("seat", "leg", "back"));
        assertEquals(512, s.labels().length);
        assertEquals(3 * 512, s.positions().length);
        for (int label : s.labels()) {
            assertTrue(label >= 0 && label < 3);
        }
        assertThrows(IllegalArgumentException.class, () -> model.segment(meshes.get(0), List.of()));
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
