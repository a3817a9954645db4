package org.align3d.synth;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.MeshLoader;
import org.align3d.sampling.PointCloud;
import org.align3d.sampling.SurfaceSampler;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The written dataset: byte-identical for a seed, readable back, part labels recoverable per point. */
public class DatasetWriterTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path write(String name, long seed, String format, int points) throws Exception {
        Path out = tmp.getRoot().toPath().resolve(name);
        new DatasetWriter(new Align3dSynth()).write(new DatasetOptions(out, 120, seed, format, points));
        return out;
    }

    @Test
    public void sameSeedSameBytes() throws Exception {
        for (String format : List.of("glb", "obj", "ply")) {
            Path a = write("a-" + format, 7, format, 64);
            Path b = write("b-" + format, 7, format, 64);
            assertArrayEquals(Files.readAllBytes(a.resolve("manifest.jsonl")), Files.readAllBytes(b.resolve("manifest.jsonl")));
            assertArrayEquals(Files.readAllBytes(a.resolve("dataset.json")), Files.readAllBytes(b.resolve("dataset.json")));
            for (String file : List.of("meshes/chair-000000." + format, "points/table-000001.ply")) {
                assertArrayEquals(file, Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)));
            }
        }
        Path other = write("c", 8, "glb", 0);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(write("d", 7, "glb", 0).resolve("manifest.jsonl")),
                Files.readAllBytes(other.resolve("manifest.jsonl"))));
    }

    @Test
    public void manifestReadsBackAndEveryPointGetsAPartLabel() throws Exception {
        Path out = write("ds", 3, "glb", 256);
        List<ManifestEntry> entries = new ManifestReader().read(out.resolve("manifest.jsonl"));
        assertEquals(120, entries.size());
        MeshLoader loader = new MeshLoader();
        for (ManifestEntry e : entries.subList(0, 40)) {
            assertNotNull(e.category());
            assertNotNull(e.split());
            assertEquals(CaptionWriter.LEVELS, e.captions().size());
            assertEquals(e.captions().size(), e.captionTemplates().size());
            Mesh mesh = loader.read(e.mesh());
            PointCloud cloud = new SurfaceSampler(512).sample(mesh, 1);
            int[] labels = e.partLabels(cloud);
            for (int i = 0; i < labels.length; i++) {
                assertEquals(mesh.partNames().get(cloud.labels()[i]), e.partNames().get(labels[i]));
            }
            Mesh points = loader.read(e.points());
            assertEquals(256, points.vertexCount());
            assertEquals(e.partNames(), points.partNames());
            assertNotNull(points.vertexParts());
        }
        assertThrows(IOException.class, () -> new DatasetWriter(new Align3dSynth())
                .write(new DatasetOptions(out, 5, 1, "glb", 0)));
    }
}
