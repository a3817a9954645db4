package org.align3d.mesh;

/** Decodes the bytes of one mesh format. Implementations are stateless and thread-safe. */
public interface MeshReader {

    /**
     * Reads a mesh, enforcing {@code limits} before allocating from any count the file declares.
     *
     * @throws MeshReadException naming the source and the problem for any malformed or over-limit input
     */
    Mesh read(MeshSource source, MeshLimits limits) throws MeshReadException;
}
