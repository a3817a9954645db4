package org.align3d.plugin.model;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.align3d.encoder.bundle.BundleException;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineRuntime;
import org.opensearch.test.OpenSearchTestCase;

/** The registry over real bundles: the shipped default model, copied into a node's config directory. */
public class ModelRegistryTests extends OpenSearchTestCase {

    /** The repository's default bundle; the tests run in the plugin module's directory. */
    private static final Path DEFAULT_BUNDLE = Path.of(System.getProperty("user.dir")).resolve("../models/align3d-default")
        .normalize();

    public void testScanFindsBundleDirectoriesAndZipsAndSkipsTheRest() throws IOException {
        Path builtin = createTempDir();
        Path config = createTempDir();
        touch(builtin.resolve("alpha/bundle.json"));
        touch(builtin.resolve("beta.zip"));
        touch(builtin.resolve("Not An Id/bundle.json"));
        Files.createDirectories(builtin.resolve("gamma")); // no bundle.json
        touch(config.resolve("alpha/bundle.json")); // an operator's bundle under a built-in id replaces it, as registering it does
        touch(config.resolve("delta/bundle.json"));
        try (ModelRegistry registry = new ModelRegistry(builtin, config)) {
            assertEquals(List.of(
                new ModelRegistry.Entry("alpha", config.resolve("alpha"), "config"),
                new ModelRegistry.Entry("beta", builtin.resolve("beta.zip"), "plugin"),
                new ModelRegistry.Entry("delta", config.resolve("delta"), "config")), registry.entries());
        }
    }

    public void testRegisterTakesOnlyADirectoryNameThatExists() {
        Path config = createTempDir();
        try (ModelRegistry registry = new ModelRegistry(null, config)) {
            for (String path : List.of("../models", "a/b", "/etc", "")) {
                IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> registry.register(path, Device.cpu()));
                assertTrue(e.getMessage(), e.getMessage().contains("not a path"));
            }
            IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> registry.register("missing", Device.cpu()));
            assertTrue(e.getMessage(), e.getMessage().contains("does not exist") && e.getMessage().contains("missing.zip"));
            assertTrue(registry.entries().isEmpty());
        }
    }

    public void testAnUnknownIdNamesTheKnownOnes() throws IOException {
        Path builtin = createTempDir();
        touch(builtin.resolve("alpha/bundle.json"));
        try (ModelRegistry registry = new ModelRegistry(builtin, null)) {
            UnknownModelException e = expectThrows(UnknownModelException.class,
                () -> registry.withModel("nope", Device.cpu(), (model, generation) -> null));
            assertEquals("unknown model [nope]; this node has [alpha]", e.getMessage());
            expectThrows(UnknownModelException.class, () -> registry.config("nope"));
        }
    }

    public void testReRegisteringSwapsTheModelAndABadBundleReplacesNothing() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        Path config = createTempDir();
        copyBundle(config.resolve("mine"));
        try (ModelRegistry registry = new ModelRegistry(null, config)) {
            assertEquals("read without loading", "align3d-default", registry.config("mine").id());
            assertFalse(registry.isLoaded("mine"));
            registry.withModel("mine", Device.cpu(), (model, generation) -> {
                assertEquals(1, generation);
                // registered again while this request holds generation 1: later requests get generation 2, and
                // this one's model stays usable until it is done
                registry.register("mine", Device.cpu());
                assertEquals(2, registry.generation("mine"));
                assertEquals(List.of(new ModelRegistry.LoadedModel("mine", 2, 0)), registry.loadedModels());
                assertNotNull(model.query("a chair with armrests"));
                return null;
            });
            long answered = registry.withModel("mine", Device.cpu(), (model, generation) -> generation);
            assertEquals(2, answered);

            // a changed weight file fails its hash: refused, and generation 2 goes on serving
            Files.write(config.resolve("mine/text-projection.params"), new byte[] {1}, StandardOpenOption.APPEND);
            BundleException bad = expectThrows(BundleException.class, () -> registry.register("mine", Device.cpu()));
            assertTrue(bad.getMessage(), bad.getMessage().contains("text-projection.params"));
            assertEquals(2, registry.generation("mine"));
            assertEquals("the refused bundle was never loaded", 2, registry.loads());
            registry.close();
            IllegalStateException closed = expectThrows(IllegalStateException.class,
                () -> registry.withModel("mine", Device.cpu(), (model, generation) -> null));
            assertTrue(closed.getMessage(), closed.getMessage().contains("closed"));
        }
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
    }

    public void testARegistrationCalledOffKeepsTheModelThere() throws Exception {
        Path config = createTempDir();
        copyBundle(config.resolve("mine"));
        try (ModelRegistry registry = new ModelRegistry(null, config)) {
            registry.register("mine", Device.cpu());
            List<ModelRegistry.LoadedModel> before = registry.loadedModels();
            IllegalStateException e = expectThrows(IllegalStateException.class,
                () -> registry.register("mine", Device.cpu(), () -> false));
            assertTrue(e.getMessage(), e.getMessage().contains("was not registered: its caller stopped waiting"));
            assertEquals("the model registered before stays", before, registry.loadedModels());
        }
    }

    private static void copyBundle(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(DEFAULT_BUNDLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }
}
