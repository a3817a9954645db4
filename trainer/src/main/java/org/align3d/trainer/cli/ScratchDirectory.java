package org.align3d.trainer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.align3d.files.FileTrees;

/**
 * A temporary directory a command works in and deletes when it ends, whether it succeeds or fails: the
 * ablation's checkpoints take tens of MB per method and are worth nothing once its tables are printed.
 */
final class ScratchDirectory implements AutoCloseable {

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** A new, empty directory under the system's temporary directory whose name starts with {@code prefix}. */
    static ScratchDirectory create(String prefix) throws IOException {
        return new ScratchDirectory(Files.createTempDirectory(prefix));
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() throws IOException {
        FileTrees.delete(path);
    }
}
