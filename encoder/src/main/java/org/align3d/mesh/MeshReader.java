package org.align3d.mesh;

/** Decodes the bytes of one mesh format. Implementations are stateless and thread-safe. */
public interface MeshReader {

    /**
     * Reads a mesh, enforcing {@code limits} before allocating from any count the file declares.
     *
     * @throws MeshReadException naming the source and the problem for any malformed or over-limit input
     */
    Mesh read(MeshSource source, MeshLimits limits) throws MeshReadException;

    /** The source's bytes once they are known to be within the byte limit and not empty: every reader's first check. */
    static byte[] checkedBytes(MeshSource source, MeshLimits limits) throws MeshReadException {
        byte[] data = source.bytes();
        limits.checkBytes(source.name(), data.length);
        if (data.length == 0) {
            throw new MeshReadException(source.name(), "is empty");
        }
        return data;
    }
}
