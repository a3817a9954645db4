package org.align3d.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Copies of the default model bundle placed where a node reads bundles from: as a directory, or zipped. */
final class BundleCopies {

    static final Path DEFAULT = Launcher.ROOT.resolve("models/align3d-default");

    private BundleCopies() {}

    /** The default bundle's files copied into {@code to}, a new directory. */
    static void directory(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(DEFAULT)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }

    /** The default bundle's directory zipped into {@code zip}: its files inside one top-level directory. */
    static void zip(Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.list(DEFAULT)) {
            for (Path f : files.toList()) {
                z.putNextEntry(new ZipEntry(DEFAULT.getFileName() + "/" + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
    }
}
