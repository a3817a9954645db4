package org.align3d.mesh;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Encodes a mesh in one format, parts included where the format can carry them. */
public interface MeshWriter {

    void write(Mesh mesh, OutputStream out) throws IOException;

    default void write(Mesh mesh, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(mesh, out);
        }
    }

    /** The file extension, without the dot. */
    String extension();
}
