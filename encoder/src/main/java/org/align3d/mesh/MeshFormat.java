package org.align3d.mesh;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The mesh formats align3d reads, and how a file's format is recognised: from its content first (magic bytes,
 * header keywords, the binary STL size rule), the file name only when the content is not conclusive.
 */
public enum MeshFormat {
    OBJ(UpAxis.Y, new ObjReader(), "obj"),
    PLY(UpAxis.Y, new PlyReader(), "ply"),
    STL(UpAxis.Z, new StlReader(), "stl"),
    OFF(UpAxis.Y, new OffReader(), "off"),
    GLTF(UpAxis.Y, new GltfReader(), "gltf", "glb");

    private final UpAxis assumedUpAxis;
    private final MeshReader reader;
    private final String[] extensions;

    MeshFormat(UpAxis assumedUpAxis, MeshReader reader, String... extensions) {
        this.assumedUpAxis = assumedUpAxis;
        this.reader = reader;
        this.extensions = extensions;
    }

    /** The up axis files of this format are assumed to use (glTF: by specification; the rest by convention). */
    public UpAxis assumedUpAxis() {
        return assumedUpAxis;
    }

    public MeshReader reader() {
        return reader;
    }

    /** The format a file name's extension suggests. */
    public static Optional<MeshFormat> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (MeshFormat f : values()) {
            for (String ext : f.extensions) {
                if (lower.endsWith("." + ext)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Recognises the format of a whole file.
     *
     * @param fileName a hint, used when the content does not decide
     * @throws MeshReadException when neither content nor name identify a supported format
     */
    public static MeshFormat detect(String fileName, byte[] data) throws MeshReadException {
        if (data.length == 0) {
            throw new MeshReadException(fileName, "is empty");
        }
        Optional<MeshFormat> byContent = fromContent(data);
        if (byContent.isPresent()) {
            return byContent.get();
        }
        return fromFileName(fileName).orElseThrow(() -> new MeshReadException(fileName,
                "is not a recognised mesh format (OBJ, PLY, STL, OFF, glTF/GLB): content starts with '"
                        + printable(data) + "'"));
    }

    static Optional<MeshFormat> fromContent(byte[] data) {
        if (GltfReader.isGlb(data)) {
            return Optional.of(GLTF);
        }
        if (data.length >= 4 && data[0] == 'p' && data[1] == 'l' && data[2] == 'y'
                && (data[3] == '\n' || data[3] == '\r')) {
            return Optional.of(PLY);
        }
        // The binary STL size rule comes before any text check: binary headers often begin with "solid".
        if (StlReader.isBinary(data)) {
            return Optional.of(STL);
        }
        String first = firstWord(data);
        if (OffReader.isOffKeyword(first)) {
            return Optional.of(OFF);
        }
        if (first.equalsIgnoreCase("solid") && StlReader.looksAscii(data)) {
            return Optional.of(STL);
        }
        if (first.startsWith("{")) { // JSON: glTF is the one such format, and "asset" may follow megabytes of data URI
            return Optional.of(GLTF);
        }
        if (looksLikeObj(data)) {
            return Optional.of(OBJ);
        }
        return Optional.empty();
    }

    private static boolean looksLikeObj(byte[] data) {
        String[] lines = head(data, 4096).split("\n");
        int statements = 0;
        for (int i = 0; i < lines.length && statements < 3; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String keyword = line.split("\\s+", 2)[0];
            switch (keyword) {
                case "v", "vn", "vt", "vp", "f", "g", "o", "s", "l", "p", "mtllib", "usemtl" -> statements++;
                default -> {
                    return i == lines.length - 1 && statements > 0; // a cut-off last line is fine
                }
            }
        }
        return statements > 0;
    }

    private static String firstWord(byte[] data) {
        String head = head(data, 4096).stripLeading();
        while (head.startsWith("#")) { // OFF files may open with comments
            int nl = head.indexOf('\n');
            head = nl < 0 ? "" : head.substring(nl + 1).stripLeading();
        }
        int end = 0;
        while (end < head.length() && !Character.isWhitespace(head.charAt(end))) {
            end++;
        }
        return head.substring(0, end);
    }

    private static String head(byte[] data, int max) {
        return new String(data, 0, Math.min(max, data.length), StandardCharsets.ISO_8859_1);
    }

    private static String printable(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(16, data.length); i++) {
            int b = data[i] & 0xFF;
            sb.append(b >= 32 && b < 127 ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return sb.toString();
    }
}
