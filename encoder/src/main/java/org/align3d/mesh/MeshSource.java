package org.align3d.mesh;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of one mesh file, where it came from, and which way is up in it when its owner says so.
 *
 * @param name      the file name or asset id used in error messages and as a format hint
 * @param bytes     the whole file
 * @param directory the directory external glTF buffers are resolved in; {@code null} for inline assets, which
 *                  may then only use embedded or data-URI buffers
 * @param upAxis    the up axis the asset's owner declares (a Z-up OBJ catalogue, say), overriding the format's
 *                  convention ({@link MeshFormat#assumedUpAxis()}); {@code null} keeps the convention
 */
public record MeshSource(String name, byte[] bytes, Path directory, UpAxis upAxis) {

    public MeshSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }

    public MeshSource(String name, byte[] bytes, Path directory) {
        this(name, bytes, directory, null);
    }

    public static MeshSource inline(String name, byte[] bytes) {
        return new MeshSource(name, bytes, null, null);
    }

    /** This source with its up axis declared; {@code null} goes back to the format's convention. */
    public MeshSource withUpAxis(UpAxis declared) {
        return new MeshSource(name, bytes, directory, declared);
    }
}
