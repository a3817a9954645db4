package org.align3d.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.align3d.mesh.GltfWriter;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.MeshWriter;
import org.align3d.mesh.ObjWriter;
import org.align3d.mesh.PlyWriter;
import org.align3d.mesh.UpAxis;
import org.align3d.sampling.Normalizer;
import org.align3d.sampling.PointCloud;
import org.align3d.sampling.ShapeFrame;
import org.align3d.sampling.SurfaceSampler;

/**
 * Writes a generated dataset to a directory: {@code meshes/<id>.<format>}, optionally {@code points/<id>.ply},
 * {@code manifest.jsonl} (see {@link ManifestWriter}) and {@code dataset.json}, a description of the
 * categories, attribute values, held-out combinations and held-out caption templates.
 */
public final class DatasetWriter {

    /** Counts per category and split, for the summary. */
    public record Summary(Map<String, int[]> perCategory, int groups, int groupMembers) {
    }

    private final Align3dSynth synth;

    public DatasetWriter(Align3dSynth synth) {
        this.synth = synth;
    }

    public Summary write(DatasetOptions options) throws IOException {
        Path out = options.out();
        Path manifest = out.resolve("manifest.jsonl");
        if (Files.exists(manifest)) {
            throw new IOException(out + " already holds a manifest.jsonl; choose a new directory");
        }
        Files.createDirectories(out.resolve("meshes"));
        if (options.points() > 0) {
            Files.createDirectories(out.resolve("points"));
        }
        MeshWriter meshWriter = switch (options.format()) {
            case "obj" -> new ObjWriter();
            case "ply" -> new PlyWriter();
            default -> new GltfWriter();
        };
        List<SampleSpec> samples = synth.plan(options.seed(), options.count());
        Map<String, int[]> counts = new TreeMap<>();
        java.util.Set<String> groups = new java.util.HashSet<>();
        int members = 0;
        SurfaceSampler sampler = options.points() > 0 ? new SurfaceSampler(options.points()) : null;
        Normalizer normalizer = new Normalizer();
        try (ManifestWriter manifestWriter = new ManifestWriter(
                new BufferedOutputStream(Files.newOutputStream(manifest), 1 << 16))) {
            for (int i = 0; i < samples.size(); i++) {
                SampleSpec sample = samples.get(i);
                Mesh mesh = synth.mesh(sample);
                String meshPath = "meshes/" + sample.id() + "." + meshWriter.extension();
                meshWriter.write(mesh, out.resolve(meshPath));
                String pointsPath = null;
                if (sampler != null) {
                    pointsPath = "points/" + sample.id() + ".ply";
                    ShapeFrame frame = normalizer.frame(mesh);
                    PointCloud cloud = normalizer.apply(frame, sampler.sample(mesh, Align3dSynth.mix(options.seed(), i)));
                    new PlyWriter().write(new Mesh(sample.id(), cloud.positions(), new int[0], cloud.normals(), null,
                            cloud.labels(), cloud.labelNames(), UpAxis.Y), out.resolve(pointsPath));
                }
                manifestWriter.write(sample, meshPath, mesh.partNames(), pointsPath);
                counts.computeIfAbsent(sample.category(), k -> new int[Split.values().length])[sample.split().ordinal()]++;
                if (sample.hardNegativeGroup() != null) {
                    groups.add(sample.hardNegativeGroup());
                    members++;
                }
                if ((i + 1) % 1000 == 0) {
                    System.err.println("align3d dataset: " + (i + 1) + " / " + samples.size());
                }
            }
        }
        writeDescription(out.resolve("dataset.json"), options);
        return new Summary(counts, groups.size(), members);
    }

    private void writeDescription(Path file, DatasetOptions options) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file);
             JsonGenerator g = new JsonFactory().createGenerator(stream)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("name", "Align3D-synth");
            g.writeNumberField("format_version", 1);
            g.writeNumberField("seed", options.seed());
            g.writeNumberField("count", options.count());
            g.writeStringField("mesh_format", options.format());
            g.writeNumberField("points", options.points());
            g.writeStringField("units", "metres, +Y up, standing on y = 0");
            g.writeArrayFieldStart("caption_templates");
            for (CaptionTemplate t : CaptionTemplate.values()) {
                g.writeStartObject();
                g.writeStringField("id", t.id());
                g.writeStringField("example", t.render("a tall chair", "armrests"));
                g.writeBooleanField("held_out", t.heldOut());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("categories");
            for (Category c : synth.categories()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeArrayFieldStart("nouns");
                for (String n : c.nouns()) {
                    g.writeString(n);
                }
                g.writeEndArray();
                g.writeObjectFieldStart("attributes");
                for (Attribute a : c.attributes()) {
                    g.writeArrayFieldStart(a.name());
                    for (String v : a.valueNames()) {
                        g.writeString(v);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeObjectFieldStart("held_out_pairs");
                for (Split s : new Split[] {Split.VAL, Split.TEST}) {
                    g.writeArrayFieldStart(s.id());
                    for (List<String> pair : synth.splits().heldOut(c, s)) {
                        g.writeStartArray();
                        for (String p : pair) {
                            g.writeString(p);
                        }
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
