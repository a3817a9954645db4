package org.align3d.client.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a sidecar: a JSON object with optional {@code name} (string), {@code tags} (array of strings)
 * and {@code description} (string). Unknown fields are refused, so a misspelt {@code "tag"} is not silently lost.
 */
public final class SidecarReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("name", "tags", "description");

    private final long maxBytes;

    public SidecarReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @param file        the sidecar
     * @param displayName how errors name it (the path relative to the catalog)
     * @param defaultName the name used when the sidecar has none
     */
    public Sidecar read(Path file, String displayName, String defaultName) throws SidecarException {
        long size;
        byte[] bytes;
        try {
            size = Files.size(file);
            if (size > maxBytes) {
                throw new SidecarException(displayName, "sidecar is " + size + " bytes, more than the limit of " + maxBytes);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SidecarException(displayName, "cannot read sidecar: " + e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SidecarException(displayName, "sidecar is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new SidecarException(displayName, "cannot parse sidecar: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SidecarException(displayName, "sidecar must be a JSON object like "
                    + "{\"name\": \"...\", \"tags\": [\"...\"], \"description\": \"...\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
            String field = it.next().getKey();
            if (!FIELDS.contains(field)) {
                throw new SidecarException(displayName, "unknown sidecar field '" + field
                        + "' (allowed: name, tags, description)");
            }
        }
        String name = text(root, "name", Sidecar.MAX_NAME_CHARS, displayName);
        String description = text(root, "description", Sidecar.MAX_DESCRIPTION_CHARS, displayName);
        return new Sidecar(name == null ? defaultName : name, tags(root, displayName), description);
    }

    private static String text(JsonNode root, String field, int maxChars, String file) throws SidecarException {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new SidecarException(file, "sidecar field '" + field + "' must be a string, found " + kind(v));
        }
        String s = v.asText();
        if (s.length() > maxChars) {
            throw new SidecarException(file, "sidecar field '" + field + "' has " + s.length()
                    + " characters, more than the limit of " + maxChars);
        }
        return s;
    }

    private static List<String> tags(JsonNode root, String file) throws SidecarException {
        JsonNode v = root.get("tags");
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new SidecarException(file, "sidecar field 'tags' must be an array of strings, found " + kind(v));
        }
        if (v.size() > Sidecar.MAX_TAGS) {
            throw new SidecarException(file, "sidecar has " + v.size() + " tags, more than the limit of " + Sidecar.MAX_TAGS);
        }
        List<String> tags = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode t = v.get(i);
            if (!t.isTextual()) {
                throw new SidecarException(file, "sidecar tags[" + i + "] must be a string, found " + kind(t));
            }
            if (t.asText().length() > Sidecar.MAX_TAG_CHARS) {
                throw new SidecarException(file, "sidecar tags[" + i + "] has " + t.asText().length()
                        + " characters, more than the limit of " + Sidecar.MAX_TAG_CHARS);
            }
            tags.add(t.asText());
        }
        return tags;
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(v.toString());
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
