package org.align3d.trainer.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.align3d.synth.Split;
import org.align3d.sampling.GeometryPipeline;
import org.align3d.sampling.SamplingConfig;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A manifest's shapes sample the same points whatever else the manifest lists, and in whatever order. */
public class ShapeLoaderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String PYRAMID = "v 0 0 0\nv 1 0 0\nv 0 0 1\nv 0 1 0\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n";

    @Test
    public void anEntrySamplesTheSamePointsAtAnyLine() throws Exception {
        Path dir = tmp.newFolder("manifests").toPath();
        Files.writeString(dir.resolve("a.obj"), PYRAMID);
        Files.writeString(dir.resolve("b.obj"), PYRAMID);
        String a = "{\"id\": \"a\", \"mesh\": \"a.obj\", \"captions\": [\"a pyramid\"]}\n";
        String b = "{\"id\": \"b\", \"mesh\": \"b.obj\", \"captions\": [\"a pyramid\"]}\n";
        Files.writeString(dir.resolve("one.jsonl"), a + b);
        Files.writeString(dir.resolve("two.jsonl"), b + a);
        ShapeLoader loader = new ShapeLoader(new GeometryPipeline(new SamplingConfig(64, 8, 8)), 5);
        List<TrainingShape> one = loader.manifest(dir.resolve("one.jsonl"));
        List<TrainingShape> two = loader.manifest(dir.resolve("two.jsonl"));
        assertEquals("a", one.get(0).id());
        assertEquals("a", two.get(1).id());
        assertArrayEquals(one.get(0).patches().features(), two.get(1).patches().features(), 0f);
        assertArrayEquals(one.get(1).patches().features(), two.get(0).patches().features(), 0f);
        // the same mesh under another id samples other points
        assertFalse(Arrays.equals(one.get(0).patches().features(), one.get(1).patches().features()));
    }

    @Test
    public void readAsScansShapesGetEstimatedUnitNormals() throws Exception {
        GeometryPipeline pipeline = new GeometryPipeline(new SamplingConfig(64, 8, 8));
        TrainingShape mesh = new ShapeLoader(pipeline, 5).synth(3, 1).get(0);
        TrainingShape scan = new ShapeLoader(pipeline, 5, 500).synth(3, 1).get(0);
        assertEquals(mesh.id(), scan.id());
        assertFalse("a scan samples other points", Arrays.equals(mesh.patches().features(), scan.patches().features()));
        float[] f = scan.patches().features();
        for (int i = 0; i < f.length; i += 6) {
            double length = Math.sqrt(f[i + 3] * f[i + 3] + f[i + 4] * f[i + 4] + f[i + 5] * f[i + 5]);
            assertEquals("normal of feature row " + i / 6, 1.0, length, 1e-4);
        }
    }

    @Test
    public void partDropoutTakesAwayOnlyPartsEveryShapeOfTheCategoryHasUnderItsCoarseCaption() {
        GeometryPipeline pipeline = new GeometryPipeline(new SamplingConfig(256, 16, 16));
        List<TrainingShape> without = new ShapeLoader(pipeline, 5).synthWithoutParts(3, 600, 1.0);
        assertTrue("shapes with a part taken away: " + without.size(), without.size() > 100);
        Map<String, Set<String>> allowed = Map.of("cat", Set.of("leg", "head", "ear", "tail"), "boat", Set.of());
        for (TrainingShape s : without) {
            String part = s.id().substring(s.id().indexOf("/without-") + "/without-".length());
            assertEquals(s.id(), 1, s.captions().size());
            assertEquals(s.id(), List.of("coarse"), s.captionTemplates());
            assertTrue(s.id(), s.attributes().isEmpty());
            assertNull(s.id(), s.hardNegativeGroup());
            assertEquals(Split.TRAIN, s.split());
            if (allowed.containsKey(s.category())) { // boats: hull too large, cabin, mast and sail not on every boat
                assertTrue(s.id(), allowed.get(s.category()).contains(part));
            }
            int label = s.partNames().indexOf(part);
            assertTrue(s.id() + " has no point of " + part,
                Arrays.stream(s.patches().cloud().labels()).noneMatch(l -> l == label));
        }
        assertTrue(without.stream().anyMatch(s -> s.category().equals("cat")));
    }
}
