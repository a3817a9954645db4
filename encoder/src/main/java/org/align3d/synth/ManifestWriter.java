package org.align3d.synth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the JSONL manifest: one JSON object per line, UTF-8, members always in this order (so the same
 * dataset is the same bytes):
 *
 * <pre>
 * id                   string, unique                       "chair-000042"
 * mesh                 string, path relative to the manifest "meshes/chair-000042.glb"
 * category             string                               "chair"
 * attributes           object of strings, category order    {"base": "star", "armrests": "yes", "back": "tall"}
 * captions             array of strings, coarse to fine     ["a chair", "an office chair", ...]
 * caption_templates    array of strings, one per caption    ["coarse", "subtype", "t3", "t0"]
 * part_names           array of strings, label order        ["seat", "back", "column", "base", "caster", "armrest"]
 * split                "train" | "val" | "test"
 * hard_negative_group  string, only on group members        "hn-000007"
 * points               string, only with --points           "points/chair-000042.ply"
 * </pre>
 *
 * Part labels live in the mesh file: OBJ groups, a PLY face property {@code part} (names in a
 * {@code comment align3d-parts} line) or one named glTF mesh per part. A sampled point's label is the index in
 * {@code part_names} of the part of the triangle it lies on.
 */
public final class ManifestWriter implements Closeable {

    private static final JsonFactory JSON = new JsonFactory();

    private final OutputStream out;

    public ManifestWriter(OutputStream out) {
        this.out = out;
    }

    public void write(SampleSpec sample, String meshPath, List<String> partNames, String pointsPath) throws IOException {
        StringWriter line = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("id", sample.id());
            g.writeStringField("mesh", meshPath);
            g.writeStringField("category", sample.category());
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> e : sample.attributes().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("captions");
            for (Caption c : sample.captions()) {
                g.writeString(c.text());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("caption_templates");
            for (Caption c : sample.captions()) {
                g.writeString(c.template());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("part_names");
            for (String p : partNames) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeStringField("split", sample.split().id());
            if (sample.hardNegativeGroup() != null) {
                g.writeStringField("hard_negative_group", sample.hardNegativeGroup());
            }
            if (pointsPath != null) {
                g.writeStringField("points", pointsPath);
            }
            g.writeEndObject();
        }
        line.write('\n');
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
