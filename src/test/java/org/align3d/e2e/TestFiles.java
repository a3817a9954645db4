package org.align3d.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch directories of the end-to-end tests. A node's home holds its data, the installed plugin and its DJL
 * natives (about 300 MB), so every test deletes the homes it made once its node has stopped.
 */
final class TestFiles {

    private TestFiles() {}

    /** Deletes {@code dir} and everything under it; nothing happens when it is null or already gone. */
    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
