package org.align3d.synth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.align3d.mesh.GltfWriter;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.MeshLoader;
import org.align3d.mesh.MeshSource;
import org.align3d.mesh.MeshWriter;
import org.align3d.mesh.ObjWriter;
import org.align3d.mesh.PlyWriter;
import org.align3d.sampling.PointCloud;
import org.align3d.sampling.SurfaceSampler;
import org.junit.Test;

/** Every category builds valid, outward-wound geometry whose parts survive every format, and attributes show. */
public class CategoryGeometryTest {

    private final Align3dSynth synth = new Align3dSynth();

    private static Map<String, String> first(Category c) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Attribute a : c.attributes()) {
            values.put(a.name(), a.values().get(0).value());
        }
        return values;
    }

    @Test
    public void everyAttributeValueChangesTheShape() {
        for (Category c : synth.categories()) {
            Map<String, String> base = first(c);
            Mesh baseMesh = c.mesh(new Design(base, 5), "base");
            for (Attribute a : c.attributes()) {
                for (AttributeValue v : a.values().subList(1, a.values().size())) {
                    Map<String, String> changed = new LinkedHashMap<>(base);
                    changed.put(a.name(), v.value());
                    Mesh mesh = c.mesh(new Design(changed, 5), "changed");
                    assertFalse(c.name() + " " + a.name() + "=" + v.value() + " builds the same shape",
                            Arrays.equals(baseMesh.positions(), mesh.positions())
                                    && Arrays.equals(baseMesh.triangles(), mesh.triangles()));
                }
            }
        }
    }

    @Test
    public void geometryVariesWithinAnAttributeCombination() {
        for (Category c : synth.categories()) {
            Mesh a = c.mesh(new Design(first(c), 1), "a");
            Mesh b = c.mesh(new Design(first(c), 2), "b");
            assertFalse(c.name(), Arrays.equals(a.positions(), b.positions()));
        }
    }

    @Test
    public void meshesAreOutwardWoundAndTheirPartsSurviveEveryFormat() throws IOException {
        MeshLoader loader = new MeshLoader();
        for (SampleSpec s : synth.plan(3, synth.categories().size() * 2)) {
            Mesh mesh = synth.mesh(s);
            assertTrue(s.id() + " volume", signedVolume(mesh) > 0);
            assertTrue(s.id(), mesh.faceCount() > 10 && mesh.faceCount() < 20_000);
            Map<String, Double> parts = areaByPart(mesh);
            assertEquals(s.id(), mesh.partNames().size(), parts.size()); // every part has faces
            for (MeshWriter writer : new MeshWriter[] {new GltfWriter(), new ObjWriter(), new PlyWriter()}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                writer.write(mesh, out);
                Mesh read = loader.read(MeshSource.inline(s.id() + "." + writer.extension(), out.toByteArray()));
                assertEquals(s.id() + " " + writer.extension(), mesh.partNames(), read.partNames());
                Map<String, Double> readParts = areaByPart(read);
                for (String part : parts.keySet()) {
                    assertEquals(s.id() + " " + part, parts.get(part), readParts.get(part), 1e-6 * (1 + parts.get(part)));
                }
            }
            PointCloud cloud = new SurfaceSampler(2048).sample(mesh, 1);
            assertTrue(Arrays.stream(cloud.labels()).allMatch(l -> l >= 0 && l < mesh.partNames().size()));
        }
    }

    /**
     * Look-alike categories differ where they do in life, in every attribute combination: a vase is taller than it
     * is wide (handles aside) and a bowl wider than it is deep (a short flared vase was a bowl's twin); a cat's
     * tail spans over seven tenths of its body, a dog's under half (a standing cat was a dog's twin).
     */
    @Test
    public void lookAlikeCategoriesDifferWhereTheyDoInLife() {
        for (long seed = 1; seed <= 4; seed++) {
            for (Map<String, String> values : combinations(synth.category("vase"))) {
                Mesh vase = synth.category("vase").mesh(new Design(values, seed), "v");
                double[] box = extent(vase, null), body = extent(vase, "body"); // the vessel, handles aside
                assertTrue("vase " + values + " must be taller than wide", box[1] > 1.1 * Math.max(body[0], body[2]));
            }
            for (Map<String, String> values : combinations(synth.category("bowl"))) {
                double[] box = extent(synth.category("bowl").mesh(new Design(values, seed), "b"), null);
                assertTrue("bowl " + values + " must be wider than deep", box[1] < 0.8 * Math.min(box[0], box[2]));
            }
            for (String animal : new String[] {"cat", "dog"}) {
                for (Map<String, String> values : combinations(synth.category(animal))) {
                    Mesh mesh = synth.category(animal).mesh(new Design(values, seed), animal);
                    double[] body = extent(mesh, "body"), tail = extent(mesh, "tail");
                    double ratio = Math.sqrt(tail[0] * tail[0] + tail[1] * tail[1] + tail[2] * tail[2])
                            / Math.max(body[0], Math.max(body[1], body[2]));
                    assertTrue(animal + " " + values + " tail/body " + ratio,
                            animal.equals("cat") ? ratio > 0.7 : ratio < 0.5);
                }
            }
        }
    }

    /**
     * Builds that no attribute names, drawn because catalogues hold them (pedestal tables, desks on panel ends,
     * wardrobes, kitchen base cabinets under a worktop, drawer rows, corner sofas), all turn up among a category's
     * designs, beside the plain build.
     */
    @Test
    public void buildsNoAttributeNamesTurnUp() {
        assertSomeDesign("table", "a pedestal", m -> m.partNames().contains("pedestal"));
        assertSomeDesign("table", "legs only", m -> !m.partNames().contains("pedestal"));
        assertSomeDesign("desk", "panel ends", m -> m.partNames().contains("panel"));
        assertSomeDesign("desk", "legs", m -> m.partNames().contains("leg") && !m.partNames().contains("panel"));
        assertSomeDesign("cabinet", "a wardrobe's height", m -> extent(m, null)[1] > 1.6);
        assertSomeDesign("cabinet", "a worktop", m -> m.partNames().contains("top"));
        assertSomeDesign("cabinet", "drawers", m -> m.partNames().contains("drawer"));
        assertSomeDesign("sofa", "a chaise (a corner sofa)", m -> extent(m, null)[2] > 1.3);
        assertSomeDesign("sofa", "no chaise", m -> extent(m, null)[2] < 1.0);
        assertSomeDesign("house", "a wing at the back", m -> extent(m, "walls")[2] > 10);
        assertSomeDesign("house", "no wing", m -> extent(m, "walls")[2] < 9);
        assertSomeDesign("house", "a steep roof", m -> extent(m, "roof")[1] > 3);
        assertSomeDesign("house", "a low roof", m -> extent(m, "roof")[1] < 2.8);
        assertSomeDesign("tower", "a cab or a tank", m -> extent(m, "top")[0] > 9);
        assertSomeDesign("tower", "a plain shaft", m -> extent(m, "top")[0] < 8);
        assertSomeDesign("tower", "a slim shaft under a tank", m -> extent(m, "shaft")[0] < 4.5);
        assertSomeDesign("lamp", "a street lamp's post", m -> extent(m, null)[1] > 2.5);
        assertSomeDesign("lamp", "a floor lamp's pole", m -> extent(m, null)[1] < 2);
        Map<String, String> deskLamp = Map.of("shade", "cone", "base", "round", "height", "short");
        assertSomeDesign("lamp", deskLamp, "a table lamp's turned body", m -> extent(m, "pole")[0] > 0.08 && extent(m, "pole")[0] < 0.2);
        assertSomeDesign("lamp", deskLamp, "a jointed arm", m -> extent(m, "pole")[0] > 0.2);
        assertSomeDesign("lamp", deskLamp, "a straight stem", m -> extent(m, "pole")[0] < 0.03);
    }

    private void assertSomeDesign(String category, String build, Predicate<Mesh> test) {
        assertSomeDesign(category, first(synth.category(category)), build, test);
    }

    private void assertSomeDesign(String category, Map<String, String> values, String build, Predicate<Mesh> test) {
        Category c = synth.category(category);
        for (long seed = 1; seed <= 60; seed++) {
            if (test.test(c.mesh(new Design(values, seed), category))) {
                return;
            }
        }
        throw new AssertionError("no " + category + " with " + build + " in 60 designs");
    }

    private static List<Map<String, String>> combinations(Category c) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Attribute a : c.attributes()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (AttributeValue v : a.values()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(a.name(), v.value());
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** The bounding-box size (x, y, z) of a part's faces, or of the whole mesh for a null part. */
    private static double[] extent(Mesh mesh, String part) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        float[] p = mesh.positions();
        int[] t = mesh.triangles();
        for (int f = 0; f < mesh.faceCount(); f++) {
            if (part != null && !mesh.partNames().get(mesh.faceParts()[f]).equals(part)) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                for (int axis = 0; axis < 3; axis++) {
                    min[axis] = Math.min(min[axis], p[3 * t[3 * f + k] + axis]);
                    max[axis] = Math.max(max[axis], p[3 * t[3 * f + k] + axis]);
                }
            }
        }
        return new double[] {max[0] - min[0], max[1] - min[1], max[2] - min[2]};
    }

    static double signedVolume(Mesh mesh) {
        double v = 0;
        float[] p = mesh.positions();
        int[] t = mesh.triangles();
        for (int f = 0; f < mesh.faceCount(); f++) {
            int a = 3 * t[3 * f], b = 3 * t[3 * f + 1], c = 3 * t[3 * f + 2];
            v += p[a] * ((double) p[b + 1] * p[c + 2] - (double) p[b + 2] * p[c + 1])
                    - p[a + 1] * ((double) p[b] * p[c + 2] - (double) p[b + 2] * p[c])
                    + p[a + 2] * ((double) p[b] * p[c + 1] - (double) p[b + 1] * p[c]);
        }
        return v / 6;
    }

    static Map<String, Double> areaByPart(Mesh mesh) {
        Map<String, Double> out = new TreeMap<>();
        float[] p = mesh.positions();
        int[] t = mesh.triangles();
        for (int f = 0; f < mesh.faceCount(); f++) {
            int a = t[3 * f], b = t[3 * f + 1], c = t[3 * f + 2];
            double ux = p[3 * b] - p[3 * a], uy = p[3 * b + 1] - p[3 * a + 1], uz = p[3 * b + 2] - p[3 * a + 2];
            double vx = p[3 * c] - p[3 * a], vy = p[3 * c + 1] - p[3 * a + 1], vz = p[3 * c + 2] - p[3 * a + 2];
            double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
            out.merge(mesh.partNames().get(mesh.faceParts()[f]), 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz), Double::sum);
        }
        return out;
    }
}
