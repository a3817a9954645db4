package org.align3d.mesh;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of one mesh file and where it came from.
 *
 * @param name      the file name or asset id used in error messages and as a format hint
 * @param bytes     the whole file
 * @param directory the directory external glTF buffers are resolved in; {@code null} for inline assets, which
 *                  may then only use embedded or data-URI buffers
 */
public record MeshSource(String name, byte[] bytes, Path directory) {

    public MeshSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }

    public static MeshSource inline(String name, byte[] bytes) {
        return new MeshSource(name, bytes, null);
    }
}
