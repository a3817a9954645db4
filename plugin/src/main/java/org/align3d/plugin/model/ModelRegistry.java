package org.align3d.plugin.model;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicLong;
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
 * once per node, on the inference pool; the frozen text model is shared by all bundles. Requests use a model through
 * {@link #withModel}; a model replaced by re-registration closes only after the requests using it are done.
 */
public final class ModelRegistry implements AutoCloseable {

    /** Bundle ids and directory names: lower case letters, digits, '_', '.', '-'; never a path. */
    static final String ID_PATTERN = "[a-z0-9][a-z0-9_.-]{0,63}";

    public record Entry(String id, Path directory, String source) {
    }

    /**
     * A model loaded now: its id, its generation (a node-wide load sequence number: a re-registered id gets a higher
     * one) and how many requests use it at this moment.
     */
    public record LoadedModel(String id, long generation, int inUse) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, SharedModel<ShapeModel>> loaded = new ConcurrentHashMap<>();
    /** Models loaded and not yet closed, retired ones included: the shared text model closes after the last of them. */
    private final Set<SharedModel<ShapeModel>> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong generations = new AtomicLong();
    private final Path configModels;
    private volatile FrozenTextEncoder text;
    private boolean closed; // guarded by this

    public ModelRegistry(Path builtinModels, Path configModels) {
        this.configModels = configModels;
        // the config directory first: a bundle an operator put there under a built-in id (a retrained align3d-default,
        // registered at run time) is the one used after a restart too
        scan(configModels, "config");
        scan(builtinModels, "plugin");
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
    public Entry register(String directory, Device device) throws BundleException {
        return register(directory, device, () -> true);
    }

    /**
     * As {@link #register(String, Device)}, committing the new model only if {@code stillWanted} says so at the moment
     * of the swap (under the registry's lock): a caller that stopped waiting can call the registration off atomically,
     * instead of the model appearing later than the caller said it failed.
     */
    public Entry register(String directory, Device device, BooleanSupplier stillWanted) throws BundleException {
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
        // loaded outside the lock: first uses of other models and the stats go on meanwhile
        SharedModel<ShapeModel> model = load(dir, device);
        boolean refused;
        boolean abandoned = false;
        SharedModel<ShapeModel> previous = null;
        synchronized (this) {
            refused = closed;
            if (!refused) {
                abandoned = !stillWanted.getAsBoolean();
            }
            if (!refused && !abandoned) {
                previous = loaded.put(directory, model);
                entries.put(directory, entry);
            }
        }
        if (refused || abandoned) {
            model.retire(); // never used: the text model it holds may already be closed
            throw refused ? closedError()
                : new IllegalStateException("model [" + directory + "] was not registered: its caller stopped waiting");
        }
        if (previous != null) {
            previous.retire();
        }
        return entry;
    }

    /** Work done with a loaded model while it is held; see {@link #withModel}. */
    @FunctionalInterface
    public interface ModelWork<T> {
        T apply(ShapeModel model, long generation) throws Exception;
    }

    /**
     * Runs {@code work} with the bundle's model, loading it on first use, and holds the model until {@code work}
     * returns: re-registering the id meanwhile swaps in the new model for later requests and closes this one after.
     * {@code generation} identifies this load of the model. Call on the inference pool.
     */
    public <T> T withModel(String id, Device device, ModelWork<T> work) throws Exception {
        SharedModel<ShapeModel> shared = acquire(id, device);
        try {
            return work.apply(shared.model(), shared.generation());
        } finally {
            shared.release();
        }
    }

    /** The models loaded now, by id. */
    public List<LoadedModel> loadedModels() {
        return loaded.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> new LoadedModel(e.getKey(), e.getValue().generation(), e.getValue().users())).toList();
    }

    /** How many times this node has loaded a bundle (first uses and registrations). */
    public long loads() {
        return generations.get();
    }

    /** The generation of the id's loaded model, or -1 when it is not loaded. */
    public long generation(String id) {
        SharedModel<ShapeModel> shared = loaded.get(id);
        return shared == null ? -1 : shared.generation();
    }

    private SharedModel<ShapeModel> acquire(String id, Device device) throws BundleException {
        while (true) {
            SharedModel<ShapeModel> shared = loaded.get(id);
            if (shared == null) {
                synchronized (this) {
                    shared = loaded.get(id);
                    if (shared == null) {
                        Entry entry = entries.get(id);
                        if (entry == null) {
                            throw new UnknownModelException(id, entries.keySet());
                        }
                        shared = load(entry.directory(), device);
                        loaded.put(id, shared);
                    }
                }
            }
            if (shared.acquire()) {
                return shared;
            }
            // retired between the lookup and acquire: its successor is in the map, or the registry closed (next lookup says)
        }
    }

    /** Loads a bundle with the shared text model; refused once the registry is closed. */
    private SharedModel<ShapeModel> load(Path dir, Device device) throws BundleException {
        SharedModel<ShapeModel> shared = new SharedModel<>(ShapeModel.load(dir, text(), device), generations.incrementAndGet(),
            this::closed);
        open.add(shared);
        return shared;
    }

    private void closed(SharedModel<ShapeModel> model) {
        open.remove(model);
        closeTextIfUnused();
    }

    /** After {@link #close}, the text model closes once no model that may still encode with it is open. */
    private synchronized void closeTextIfUnused() {
        if (closed && open.isEmpty() && text != null) {
            text.close();
            text = null;
        }
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("align3d's model registry is closed: the node is shutting down");
    }

    /** The bundle's configuration, read without loading its weights. */
    public BundleConfig config(String id) throws BundleException {
        SharedModel<ShapeModel> shared = loaded.get(id);
        if (shared != null) {
            return shared.model().config();
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

    /** The shared text model, loaded on first use; refused once the registry is closed. */
    private synchronized FrozenTextEncoder text() {
        if (closed) {
            throw closedError();
        }
        if (text == null) {
            text = FrozenTextEncoder.load(TextLimits.DEFAULT);
        }
        return text;
    }

    /**
     * Retires every model and refuses new loads. Each model closes when its last request is done, and the text model
     * after the last of them, so requests still running at shutdown finish instead of using freed native memory.
     */
    @Override
    public void close() {
        List<SharedModel<ShapeModel>> retiring;
        synchronized (this) {
            closed = true;
            retiring = List.copyOf(loaded.values());
            loaded.clear();
        }
        retiring.forEach(SharedModel::retire); // outside the lock: a model closing calls back into closed()
        closeTextIfUnused();
    }
}
