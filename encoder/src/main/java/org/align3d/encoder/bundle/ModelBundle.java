package org.align3d.encoder.bundle;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.align3d.encoder.joint.TextProjection;
import org.align3d.encoder.parts.PartHead;
import org.align3d.encoder.parts.PointContext;
import org.align3d.encoder.shape.PointPatchEncoder;
import org.align3d.encoder.text.FrozenTextEncoder;

/**
 * A trained model on disk: a directory the trainer writes and the plugin loads by id, or a {@code .zip} of that
 * directory (its files at the archive's root or inside one top-level directory), loaded as it is.
 *
 * <pre>
 *   bundle.json            {@link BundleConfig}: architecture, HAF policies, versions
 *   shape-encoder.params   the 3D encoder's weights (DJL parameter format, read by {@link ParameterDecoder})
 *   text-projection.params the text projection's weights
 *   part-head.params       the point-level part head's weights, when bundle.json has a part_head
 *   MODEL_CARD.md          how it was made (exact command, seed, data, time) and its evaluation table
 *   SHA256SUMS             "hex  name" for each file above; every one is checked at load
 * </pre>
 * A missing file, a file whose hash differs, a listed file that is absent or an unknown format version makes
 * {@link #load} fail with a message naming the bundle and the file. The frozen text model is not in the bundle:
 * it comes from its Maven Central jar, and {@code text_model} names which one the bundle was trained with.
 */
public final class ModelBundle {

    public static final String CONFIG = "bundle.json";
    public static final String SHAPE_PARAMS = "shape-encoder.params";
    public static final String TEXT_PARAMS = "text-projection.params";
    public static final String PART_HEAD_PARAMS = "part-head.params";
    public static final String MODEL_CARD = "MODEL_CARD.md";
    public static final String CHECKSUMS = "SHA256SUMS";
    static final List<String> REQUIRED = List.of(CONFIG, SHAPE_PARAMS, TEXT_PARAMS, MODEL_CARD);
    static final long MAX_FILE_BYTES = 256L << 20;
    /** Limits of the text files: SHA256SUMS lists a handful of names; the config and the card are a few KB. */
    static final int MAX_CHECKSUMS_BYTES = 64 << 10;
    static final int MAX_TEXT_BYTES = 1 << 20;

    private final Path directory;
    private final BundleConfig config;
    private final PointPatchEncoder shapeEncoder;
    private final TextProjection textProjection;
    private final PartHead partHead;

    private ModelBundle(Path directory, BundleConfig config, PointPatchEncoder shapeEncoder, TextProjection textProjection,
                        PartHead partHead) {
        this.directory = directory;
        this.config = config;
        this.shapeEncoder = shapeEncoder;
        this.textProjection = textProjection;
        this.partHead = partHead;
    }

    public Path directory() {
        return directory;
    }

    public BundleConfig config() {
        return config;
    }

    public PointPatchEncoder shapeEncoder() {
        return shapeEncoder;
    }

    public TextProjection textProjection() {
        return textProjection;
    }

    /** @return the point-level part head, or null when the bundle has none */
    public PartHead partHead() {
        return partHead;
    }

    public String modelCard() throws IOException {
        return readModelCard(directory);
    }

    /** Writes a bundle without a part head. */
    public static void write(Path dir, BundleConfig config, PointPatchEncoder shape, TextProjection text, String modelCard)
            throws IOException {
        write(dir, config, shape, text, null, modelCard);
    }

    /**
     * Writes a bundle: config, the networks' weights, the model card, then the checksums of all of them.
     *
     * @param partHead the part head, required exactly when {@code config} has one
     */
    public static void write(Path dir, BundleConfig config, PointPatchEncoder shape, TextProjection text, PartHead partHead,
                             String modelCard) throws IOException {
        if (config.hasPartHead() != (partHead != null)) {
            throw new IllegalArgumentException("bundle " + config.id() + ": the config " + (config.hasPartHead() ? "has" : "has no")
                + " part head but " + (partHead != null ? "one" : "none") + " was given");
        }
        Files.createDirectories(dir);
        saveParameters(dir, SHAPE_PARAMS, shape);
        saveParameters(dir, TEXT_PARAMS, text);
        if (partHead != null) {
            saveParameters(dir, PART_HEAD_PARAMS, partHead);
        } else {
            Files.deleteIfExists(dir.resolve(PART_HEAD_PARAMS));
        }
        finish(dir, config, modelCard);
    }

    /**
     * Writes {@code source} with {@code partHead} added (or replaced) into {@code dir}: the encoders' weight files
     * are copied byte for byte, so only the config, the head, the model card and the checksums change.
     */
    public static void writeWithPartHead(ModelBundle source, Path dir, PartHead partHead, String modelCard)
            throws IOException {
        Files.createDirectories(dir);
        try (BundleSource from = BundleSource.open(source.directory())) {
            for (String name : List.of(SHAPE_PARAMS, TEXT_PARAMS)) {
                try (InputStream in = from.open(name)) {
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (BundleException e) {
            throw new IOException(e.getMessage(), e);
        }
        saveParameters(dir, PART_HEAD_PARAMS, partHead);
        finish(dir, source.config().withPartHead(partHead.width()), modelCard);
    }

    private static void saveParameters(Path dir, String name, AbstractBlock block) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            block.saveParameters(new DataOutputStream(out));
        }
    }

    /** Writes the config and the model card, then the checksums of every file the bundle holds. */
    private static void finish(Path dir, BundleConfig config, String modelCard) throws IOException {
        Files.writeString(dir.resolve(CONFIG), config.toJson());
        Files.writeString(dir.resolve(MODEL_CARD), modelCard);
        List<String> files = new ArrayList<>(REQUIRED);
        if (config.hasPartHead()) {
            files.add(PART_HEAD_PARAMS);
        }
        StringBuilder sums = new StringBuilder();
        for (String name : files) {
            sums.append(sha256(dir.resolve(name))).append("  ").append(name).append('\n');
        }
        Files.writeString(dir.resolve(CHECKSUMS), sums.toString());
    }

    /**
     * Verifies and loads the bundle in {@code dir}, a directory or a {@code .zip} of one; its networks' parameters
     * live in {@code manager}.
     */
    public static ModelBundle load(Path dir, NDManager manager) throws BundleException {
        try (BundleSource source = BundleSource.open(dir)) {
            return load(dir, source, manager);
        } catch (IOException e) {
            throw new BundleException("bundle " + dir + ": " + e.getMessage(), e);
        }
    }

    private static ModelBundle load(Path dir, BundleSource source, NDManager manager) throws BundleException {
        Map<String, String> sums = verify(dir, source);
        BundleConfig config = readVerifiedConfig(dir, source, sums.get(CONFIG));
        PointPatchEncoder shape = PointPatchEncoder.initialized(config.shape(), manager);
        TextProjection text = new TextProjection(config.shape().jointDim(), config.shape().tokenDim());
        text.initialize(manager, DataType.FLOAT32, new Shape(1, FrozenTextEncoder.DIM), new Shape(1, 1, FrozenTextEncoder.DIM));
        loadParameters(dir, source, SHAPE_PARAMS, shape, manager, sums.get(SHAPE_PARAMS));
        loadParameters(dir, source, TEXT_PARAMS, text, manager, sums.get(TEXT_PARAMS));
        PartHead head = null;
        if (config.hasPartHead()) {
            if (!sums.containsKey(PART_HEAD_PARAMS)) {
                throw new BundleException("bundle " + dir + ": " + CONFIG + " has a part_head but " + CHECKSUMS + " does not list "
                    + PART_HEAD_PARAMS);
            }
            int tokenDim = config.shape().tokenDim();
            head = new PartHead(tokenDim, config.partHeadWidth());
            head.initialize(manager, DataType.FLOAT32, new Shape(1, PointContext.channels(tokenDim)), new Shape(1, tokenDim));
            loadParameters(dir, source, PART_HEAD_PARAMS, head, manager, sums.get(PART_HEAD_PARAMS));
        }
        assert sums.keySet().containsAll(REQUIRED);
        return new ModelBundle(dir, config, shape, text, head);
    }

    /** The configuration of the bundle at {@code dir} (a directory or a zip), read without its weights or checks. */
    public static BundleConfig readConfig(Path dir) throws BundleException {
        try (BundleSource source = BundleSource.open(dir)) {
            return readConfig(dir, source);
        } catch (IOException e) {
            throw new BundleException("bundle " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The model card of the bundle at {@code dir} (a directory or a zip). */
    public static String readModelCard(Path dir) throws IOException {
        try (BundleSource source = BundleSource.open(dir)) {
            return source.readString(MODEL_CARD, MAX_TEXT_BYTES);
        } catch (BundleException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static BundleConfig readConfig(Path dir, BundleSource source) throws BundleException {
        return parseConfig(dir, readConfigBytes(dir, source));
    }

    private static byte[] readConfigBytes(Path dir, BundleSource source) throws BundleException {
        try {
            return source.readBytes(CONFIG, MAX_TEXT_BYTES);
        } catch (IOException e) {
            throw new BundleException("bundle " + dir + ": cannot read " + CONFIG + ": " + e.getMessage(), e);
        }
    }

    private static BundleConfig parseConfig(Path dir, byte[] bytes) throws BundleException {
        try {
            return BundleConfig.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (BundleException e) {
            throw new BundleException("bundle " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Checks that every required file is listed in SHA256SUMS, present, and has the listed hash. */
    private static Map<String, String> verify(Path dir, BundleSource source) throws BundleException {
        if (!source.exists(CHECKSUMS)) {
            throw new BundleException("bundle " + dir + " has no " + CHECKSUMS);
        }
        Map<String, String> sums = new LinkedHashMap<>();
        try {
            for (String raw : source.readString(CHECKSUMS, MAX_CHECKSUMS_BYTES).split("\n")) {
                String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw; // written on Windows
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(" {2}", 2);
                if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}") || parts[1].contains("/") || parts[1].contains("\\")
                        || parts[1].contains("..")) {
                    String shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
                    throw new BundleException("bundle " + dir + ": " + CHECKSUMS + " line [" + shown + "] is not 'sha256  name'");
                }
                if (sums.put(parts[1], parts[0]) != null) {
                    throw new BundleException("bundle " + dir + ": " + CHECKSUMS + " lists " + parts[1] + " twice");
                }
            }
        } catch (IOException e) {
            throw new BundleException("bundle " + dir + ": cannot read " + CHECKSUMS + ": " + e.getMessage(), e);
        }
        for (String name : REQUIRED) {
            if (!sums.containsKey(name)) {
                throw new BundleException("bundle " + dir + ": " + CHECKSUMS + " does not list " + name);
            }
        }
        for (Map.Entry<String, String> e : sums.entrySet()) {
            String name = e.getKey();
            try {
                if (!source.exists(name)) {
                    throw new BundleException("bundle " + dir + ": " + name + " is missing");
                }
                if (source.size(name) > MAX_FILE_BYTES) {
                    throw new BundleException("bundle " + dir + ": " + name + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
                }
                String actual;
                try (InputStream in = source.open(name)) {
                    actual = sha256(in);
                }
                if (!actual.equals(e.getValue())) {
                    throw new BundleException("bundle " + dir + ": " + name + " has SHA-256 " + actual + ", expected "
                        + e.getValue() + " (the file was altered or damaged)");
                }
            } catch (IOException ex) {
                throw new BundleException("bundle " + dir + ": cannot read " + name + ": " + ex.getMessage(), ex);
            }
        }
        return sums;
    }

    /**
     * The configuration, hashed as it is parsed: what is parsed is what {@link #verify} checked, even if the file was
     * replaced in between (a bundle being copied over while a node loads it).
     */
    private static BundleConfig readVerifiedConfig(Path dir, BundleSource source, String expectedSha) throws BundleException {
        byte[] bytes = readConfigBytes(dir, source);
        requireUnchanged(dir, CONFIG, HexFormat.of().formatHex(sha256Digest().digest(bytes)), expectedSha);
        return parseConfig(dir, bytes);
    }

    private static void requireUnchanged(Path dir, String name, String actual, String expected) throws BundleException {
        if (!actual.equals(expected)) {
            throw new BundleException("bundle " + dir + ": " + name + " changed while the bundle was loaded (SHA-256 " + actual
                + ", expected " + expected + "); load it again once it is in place");
        }
    }

    /** Loads a weight file into {@code block}, hashing the bytes as they are decoded (see {@link #readVerifiedConfig}). */
    private static void loadParameters(Path dir, BundleSource source, String name, AbstractBlock block, NDManager manager,
                                       String expectedSha) throws BundleException {
        Map<String, Shape> architecture = new LinkedHashMap<>();
        block.getParameters().forEach(p -> architecture.put(p.getKey(), p.getValue().getArray().getShape()));
        MessageDigest md = sha256Digest();
        try (InputStream in = new DigestInputStream(source.open(name), md)) {
            NDManager decoding = ParameterDecoder.decoding(manager, source.size(name));
            block.loadParameters(decoding, new DataInputStream(new BufferedInputStream(in)));
            in.transferTo(OutputStream.nullOutputStream()); // anything after the tensors counts too
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new BundleException("bundle " + dir + ": " + name + " does not fit the architecture in " + CONFIG + ": "
                + e.getMessage(), e);
        }
        requireUnchanged(dir, name, HexFormat.of().formatHex(md.digest()), expectedSha);
        // DJL takes each tensor's shape from the file: a mismatch would surface only at the first forward pass
        for (var parameter : block.getParameters()) {
            Shape loaded = parameter.getValue().getArray().getShape();
            Shape expected = architecture.get(parameter.getKey());
            if (!loaded.equals(expected)) {
                throw new BundleException("bundle " + dir + ": " + name + " holds tensor " + parameter.getKey() + " of shape "
                    + loaded + "; the architecture in " + CONFIG + " needs " + expected);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static String sha256(InputStream stream) throws IOException {
        MessageDigest md = sha256Digest();
        try (InputStream in = new DigestInputStream(stream, md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
