package org.align3d.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Whole directory trees on disk, for the modules that make and remove them (the trainer's scratch space, the
 * end-to-end tests' node homes). The embedded server's plugin installer keeps its own: it runs on the server's
 * classpath, before the plugin (and this module, inside its zip) is loaded.
 */
public final class FileTrees {

    private FileTrees() {}

    /** Deletes {@code dir} and everything under it, deepest first; a path that does not exist is left alone. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
