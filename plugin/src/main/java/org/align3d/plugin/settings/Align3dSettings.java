package org.align3d.plugin.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.align3d.encoder.runtime.DevicePreference;
import org.opensearch.OpenSearchParseException;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Setting.Property;
import org.opensearch.core.common.unit.ByteSizeValue;

/**
 * Every setting align3d declares, with its default and its validation, in one place.
 *
 * <h2>Node settings ({@code opensearch.yml}, static)</h2>
 * <ul>
 *   <li>{@code align3d.device} ({@code auto} | {@code cpu} | {@code gpu}, default {@code auto}): where encoders
 *       run. {@code auto} takes the first GPU the PyTorch engine sees, else the CPU.</li>
 *   <li>{@code align3d.assets.roots} (list of absolute directories, default none): the only directories an
 *       ingest request may read asset files from, by a path relative to one of them. Empty means requests
 *       must carry assets inline (base64).</li>
 *   <li>{@code align3d.assets.max_bytes} (a byte size such as {@code 64mb} or a plain count of bytes; default
 *       64 MiB, 1 KiB to 1 GiB): the largest asset ingest, {@code _embed} and {@code _segment} accept, and the
 *       largest mesh search by example reads (whose inline base64 is also capped at 64 MiB of mesh per query).</li>
 *   <li>{@code thread_pool.align3d_inference.size} / {@code .queue_size}: the bounded pool encoders run on
 *       (declared by {@link org.align3d.plugin.engine.InferenceThreadPool}).</li>
 * </ul>
 *
 * <h2>Index settings</h2>
 * <ul>
 *   <li>{@code index.align3d} (boolean, default {@code false}, final): the index uses align3d's codec, which
 *       stores {@code shape_vector} fields in the ERS format. OpenSearch lets only one plugin supply an index's
 *       codec, so an index cannot set both {@code index.align3d} and {@code index.knn}.</li>
 * </ul>
 */
public final class Align3dSettings {

    public static final Setting<DevicePreference> DEVICE = new Setting<>(
        "align3d.device",
        DevicePreference.AUTO.settingValue(),
        value -> parse("align3d.device", value, DevicePreference::parse),
        Property.NodeScope
    );

    public static final Setting<List<Path>> ASSETS_ROOTS = Setting.listSetting(
        "align3d.assets.roots",
        List.of(),
        Align3dSettings::parseAssetsRoot,
        Property.NodeScope
    );

    /** Bounds of {@link #ASSETS_MAX_BYTES}. */
    static final long MIN_ASSET_BYTES = 1L << 10, MAX_ASSET_BYTES = 1L << 30;

    public static final Setting<Long> ASSETS_MAX_BYTES = new Setting<>(
        "align3d.assets.max_bytes",
        "64mb",
        value -> parse("align3d.assets.max_bytes", value, Align3dSettings::parseAssetBytes),
        Property.NodeScope
    );

    public static final Setting<Boolean> INDEX_ENABLED = new Setting<>(
        "index.align3d",
        "false",
        value -> parse("index.align3d", value, Align3dSettings::parseBoolean),
        Property.IndexScope,
        Property.Final
    );

    private Align3dSettings() {}

    /** The settings {@code Align3dPlugin#getSettings} declares (thread pool settings come with their executor). */
    public static List<Setting<?>> all() {
        return List.of(DEVICE, ASSETS_ROOTS, ASSETS_MAX_BYTES, INDEX_ENABLED);
    }

    /** A byte size with a unit ({@code 64mb}, {@code 512kb}) or a plain count of bytes, within 1 KiB..1 GiB. */
    static long parseAssetBytes(String value) {
        long bytes;
        try {
            bytes = value.matches("[0-9]+") ? Long.parseLong(value)
                : ByteSizeValue.parseBytesSizeValue(value, "align3d.assets.max_bytes").getBytes();
        } catch (NumberFormatException | OpenSearchParseException e) {
            throw new IllegalArgumentException("[" + value + "] is not a byte size such as 64mb or 67108864", e);
        }
        if (bytes < MIN_ASSET_BYTES || bytes > MAX_ASSET_BYTES) {
            throw new IllegalArgumentException("[" + value + "] must be between 1kb and 1gb (" + MIN_ASSET_BYTES + ".." + MAX_ASSET_BYTES
                + " bytes)");
        }
        return bytes;
    }

    /** Runs {@code parser}, prefixing any refusal with the setting's key so the operator knows which line to fix. */
    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("[" + key + "] " + e.getMessage(), e);
        }
    }

    private static Boolean parseBoolean(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("value [" + value + "] is not a boolean: expected true or false");
        };
    }

    private static Path parseAssetsRoot(String value) {
        Function<String, IllegalArgumentException> refuse = why -> new IllegalArgumentException(
            "[align3d.assets.roots] entry [" + value + "] " + why);
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw refuse.apply("is not a valid path: " + e.getReason());
        }
        if (!path.isAbsolute()) {
            throw refuse.apply("must be an absolute directory");
        }
        return path.normalize();
    }
}
