package org.align3d.plugin.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Installs a plugin zip into a node's {@code plugins/} directory the way {@code opensearch-plugin install}
 * lays it out: the zip's entries under {@code plugins/<name>/}. The embedded server uses it so that align3d
 * runs in its own plugin class loader, exactly as in a cluster, and never from the server's classpath.
 *
 * <p>A zip already installed (same SHA-256, recorded in {@code installed-<name>.sha256} in the marker
 * directory, outside {@code plugins/} where OpenSearch would take any entry for a plugin) is not unpacked again.
 * Entries that would land outside the plugin directory are refused.
 */
final class PluginInstaller {

    private static final long MAX_ENTRIES = 10_000;

    private PluginInstaller() {}

    /** Installs {@code zip} as plugin {@code name} under {@code pluginsDir}; returns the plugin's directory. */
    static Path install(Path zip, String name, Path pluginsDir, Path markerDir) {
        if (!Files.isRegularFile(zip)) {
            throw new ServerStartException("plugin zip " + zip + " does not exist; build it with ./align3d build");
        }
        Path target = pluginsDir.resolve(name);
        Path marker = markerDir.resolve("installed-" + name + ".sha256");
        String digest = sha256(zip);
        try {
            if (Files.isDirectory(target) && Files.isRegularFile(marker) && Files.readString(marker).trim().equals(digest)) {
                return target;
            }
            deleteTree(target);
            Files.createDirectories(target);
            unzip(zip, target);
            Files.createDirectories(markerDir);
            Files.writeString(marker, digest + "\n");
            return target;
        } catch (IOException e) {
            throw new ServerStartException("cannot install plugin zip " + zip + " into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        long entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException("more than " + MAX_ENTRIES + " entries");
                }
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("entry [" + entry.getName() + "] points outside the plugin directory");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String sha256(Path file) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
