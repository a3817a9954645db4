package org.align3d.plugin.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.opensearch.test.OpenSearchTestCase;

public class PluginInstallerTests extends OpenSearchTestCase {

    public void testUnpacksIntoPluginDirectoryAndSkipsSameZip() throws IOException {
        Path home = createTempDir();
        Path zip = zip(home.resolve("p.zip"), Map.of("plugin-descriptor.properties", "name=x\n", "lib/a.jar", "jar"));
        Path dir = PluginInstaller.install(zip, "x", home.resolve("plugins"), home);
        assertEquals("name=x\n", Files.readString(dir.resolve("plugin-descriptor.properties")));
        assertEquals("jar", Files.readString(dir.resolve("lib/a.jar")));

        // a file the node created inside the plugin directory survives a second start with the same zip
        Files.writeString(dir.resolve("marker"), "kept");
        PluginInstaller.install(zip, "x", home.resolve("plugins"), home);
        assertTrue(Files.exists(dir.resolve("marker")));
    }

    public void testChangedZipReplacesTheInstalledPlugin() throws IOException {
        Path home = createTempDir();
        Path plugins = home.resolve("plugins");
        PluginInstaller.install(zip(home.resolve("v1.zip"), Map.of("old.jar", "1")), "x", plugins, home);
        Path dir = PluginInstaller.install(zip(home.resolve("v2.zip"), Map.of("new.jar", "2")), "x", plugins, home);
        assertFalse(Files.exists(dir.resolve("old.jar")));
        assertEquals("2", Files.readString(dir.resolve("new.jar")));
    }

    public void testEntryOutsideThePluginDirectoryIsRefused() throws IOException {
        Path home = createTempDir();
        Path zip = zip(home.resolve("evil.zip"), Map.of("../../escaped.txt", "x"));
        ServerStartException e = expectThrows(ServerStartException.class,
            () -> PluginInstaller.install(zip, "x", home.resolve("plugins"), home));
        assertTrue(e.getMessage(), e.getMessage().contains("points outside the plugin directory"));
        assertFalse(Files.exists(home.resolve("escaped.txt")));
    }

    public void testMissingZipIsNamed() {
        Path home = createTempDir();
        ServerStartException e = expectThrows(ServerStartException.class,
            () -> PluginInstaller.install(home.resolve("nope.zip"), "x", home.resolve("plugins"), home));
        assertTrue(e.getMessage(), e.getMessage().contains("nope.zip does not exist"));
    }

    private static Path zip(Path path, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return path;
    }
}
