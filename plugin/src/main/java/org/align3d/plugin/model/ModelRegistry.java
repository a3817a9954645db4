package org.align3d.plugin.model;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.align3d.encoder.bundle.BundleConfig;
import org.align3d.encoder.bundle.BundleException;
import org.align3d.encoder.bundle.ModelBundle;
import org.align3d.encoder.model.ShapeModel;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.encoder.text.TextLimits;

/**
 * The model bundles a node can serve, by id. Bundles come from the plugin's own {@code models/} directory (the
 * default bundle ships in the zip) and from {@code <config>/align3d/models/<id>/} or {@code <config>/align3d/models/<id>.zip},
 * scanned at start; a bundle copied there later is added with {@code POST _plugins/align3d/models}. A bundle is verified and loaded on first use,
 * once per node, on the inference pool; the frozen text model is shared by all bundles.
 */
public final class ModelRegistry implements AutoCloseable {

    /** Bundle ids and directory names: lower case letters, digits, '_', '.', '-'; never a path. */
    static final String ID_PATTERN = "[a-z0-9][a-z0-9_.-]{0,63}";

    public record Entry(String id, Path directory, String source) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, ShapeModel> loaded = new ConcurrentHashMap<>();
    private final Path configModels;
    private volatile FrozenTextEncoder text;

    public ModelRegistry(Path builtinModels, Path configModels) {
        this.configModels = configModels;
        scan(builtinModels, "plugin");
        scan(configModels, "config");
    }

    private void scan(Path dir, String source) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(p -> Files.isRegularFile(p.resolve("bundle.json")) || isZip(p))
                .filter(p -> idOf(p).matches(ID_PATTERN))
                .sorted()
                .forEach(p -> entries.putIfAbsent(idOf(p), new Entry(idOf(p), p, source)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list model bundles in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isZip(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".zip");
    }

    /** A bundle's id: its directory's name, or its zip file's name without {@code .zip}. */
    private static String idOf(Path p) {
        String name = p.getFileName().toString();
        return isZip(p) ? name.substring(0, name.length() - ".zip".length()) : name;
    }

    public List<Entry> entries() {
        return entries.values().stream().sorted(Comparator.comparing(Entry::id)).toList();
    }

    public boolean isLoaded(String id) {
        return loaded.containsKey(id);
    }

    /**
     * Adds the bundle in {@code <config>/align3d/models/<directory>} under its directory name, verifying and loading it
     * now so a bad bundle is refused at once. Call on the inference pool.
     */
    public synchronized Entry register(String directory, Device device) throws BundleException {
        if (directory == null || !directory.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("model directory [" + directory + "] must be a directory name under "
                + configModels + " (letters, digits, '_', '.', '-'), not a path");
        }
        Path dir = configModels.resolve(directory).normalize();
        if (!Files.isDirectory(dir)) {
            dir = configModels.resolve(directory + ".zip").normalize();
        }
        if (!dir.startsWith(configModels) || !(Files.isDirectory(dir) || isZip(dir))) {
            throw new IllegalArgumentException("model directory [" + directory + "] does not exist in " + configModels
                + " (neither " + directory + "/ nor " + directory + ".zip)");
        }
        Entry entry = new Entry(directory, dir, "config");
        ShapeModel model = ShapeModel.load(dir, text(), device);
        ShapeModel previous = loaded.put(directory, model);
        if (previous != null) {
            previous.close();
        }
        entries.put(directory, entry);
        return entry;
    }

    /** The loaded model; loads it on first use. Call on the inference pool. */
    public ShapeModel model(String id, Device device) throws BundleException {
        ShapeModel model = loaded.get(id);
        if (model != null) {
            return model;
        }
        synchronized (this) {
            model = loaded.get(id);
            if (model == null) {
                Entry entry = entries.get(id);
                if (entry == null) {
                    throw new UnknownModelException(id, entries.keySet());
                }
                model = ShapeModel.load(entry.directory(), text(), device);
                loaded.put(id, model);
            }
            return model;
        }
    }

    /** The bundle's configuration, read without loading its weights. */
    public BundleConfig config(String id) throws BundleException {
        ShapeModel model = loaded.get(id);
        if (model != null) {
            return model.config();
        }
        Entry entry = entries.get(id);
        if (entry == null) {
            throw new UnknownModelException(id, entries.keySet());
        }
        return ModelBundle.readConfig(entry.directory());
    }

    public String modelCard(String id) throws IOException {
        Entry entry = entries.get(id);
        if (entry == null) {
            throw new UnknownModelException(id, entries.keySet());
        }
        return ModelBundle.readModelCard(entry.directory());
    }

    private FrozenTextEncoder text() {
        FrozenTextEncoder t = text;
        if (t == null) {
            synchronized (this) {
                if (text == null) {
                    text = FrozenTextEncoder.load(TextLimits.DEFAULT);
                }
                t = text;
            }
        }
        return t;
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(ShapeModel::close);
        loaded.clear();
        if (text != null) {
            text.close();
            text = null;
        }
    }
}
