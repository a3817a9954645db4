package org.align3d.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.align3d.json.JsonFormatException;
import org.align3d.json.JsonObject;
import org.align3d.mesh.UpAxis;

/**
 * Reads a JSONL manifest: the generator's (see {@link ManifestWriter} for every field) or a user's own catalog,
 * whose lines need only {@code {"mesh": "path/to/file.glb", "captions": ["a description", ...]}}, and may say
 * which way is up in the mesh with {@code "up_axis": "y"} or {@code "z"} (default: its format's convention). Relative
 * paths resolve against the manifest's directory; absolute paths are accepted (this is an offline tool reading
 * the user's own files). Blank lines are skipped; unknown members are ignored. Every mesh must exist.
 */
public final class ManifestReader {

    public List<ManifestEntry> read(Path manifest) throws ManifestException {
        Path dir = manifest.toAbsolutePath().getParent();
        List<ManifestEntry> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(manifest),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) { // a byte order mark, as Windows editors write
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                ManifestEntry entry = entry(manifest, dir, line, text);
                if (!ids.add(entry.id())) {
                    throw new ManifestException(where(manifest, line) + "id '" + entry.id() + "' appears twice");
                }
                out.add(entry);
            }
        } catch (CharacterCodingException e) {
            throw new ManifestException(manifest + ": is not valid UTF-8 (line " + (out.size() + 1) + " or later)", e);
        } catch (IOException e) {
            throw new ManifestException(manifest + ": cannot be read: " + e, e);
        }
        if (out.isEmpty()) {
            throw new ManifestException(manifest + ": has no entries");
        }
        return out;
    }

    /** A member's text read by {@code parse}, whose refusal becomes a manifest error naming the line. */
    private static <T> T value(String text, Function<String, T> parse, Path manifest, int line) throws ManifestException {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ManifestException(where(manifest, line) + e.getMessage());
        }
    }

    private static String where(Path manifest, int line) {
        return manifest + " line " + line + ": ";
    }

    private ManifestEntry entry(Path manifest, Path dir, int line, String text) throws ManifestException {
        try {
            JsonObject o = JsonObject.parse(text);
            String meshText = o.string("mesh");
            Path mesh = resolve(manifest, dir, line, "mesh", meshText);
            List<String> captions = o.strings("captions");
            if (captions.isEmpty() || captions.stream().anyMatch(String::isBlank)) {
                throw new ManifestException(where(manifest, line) + "captions must hold one or more non-blank strings");
            }
            List<String> templates = o.strings("caption_templates");
            if (!templates.isEmpty() && templates.size() != captions.size()) {
                throw new ManifestException(where(manifest, line) + "caption_templates has " + templates.size()
                        + " entries for " + captions.size() + " captions");
            }
            Split split = o.has("split") ? value(o.string("split"), Split::parse, manifest, line) : null;
            Path points = o.has("points") ? resolve(manifest, dir, line, "points", o.string("points")) : null;
            Map<String, String> attributes = o.stringMap("attributes");
            UpAxis upAxis = o.has("up_axis") ? value(o.string("up_axis"), UpAxis::parse, manifest, line) : null;
            String id = o.optString("id", meshText);
            if (id.isBlank()) {
                throw new ManifestException(where(manifest, line) + "id must not be blank (leave it out to use the mesh path)");
            }
            return new ManifestEntry(line, id, mesh, o.optString("category", null), attributes,
                    List.copyOf(captions), List.copyOf(templates), List.copyOf(o.strings("part_names")), split,
                    o.optString("hard_negative_group", null), points, upAxis);
        } catch (JsonFormatException e) {
            throw new ManifestException(where(manifest, line) + e.getMessage(), e);
        }
    }

    private static Path resolve(Path manifest, Path dir, int line, String field, String text) throws ManifestException {
        if (text.isBlank()) {
            throw new ManifestException(where(manifest, line) + field + " is empty");
        }
        Path path;
        try {
            path = dir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw new ManifestException(where(manifest, line) + field + " '" + text + "' is not a valid path", e);
        }
        if (!Files.isRegularFile(path)) {
            throw new ManifestException(where(manifest, line) + field + " '" + text + "' not found (looked for " + path
                    + ")");
        }
        return path;
    }
}
