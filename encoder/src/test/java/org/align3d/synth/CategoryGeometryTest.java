package org.align3d.synth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
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
