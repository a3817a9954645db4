package org.align3d.mesh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a mesh file of any supported format, recognising the format from its content. */
public final class MeshLoader {

    private final MeshLimits limits;

    public MeshLoader(MeshLimits limits) {
        this.limits = limits;
    }

    public MeshLoader() {
        this(MeshLimits.DEFAULTS);
    }

    public MeshLimits limits() {
        return limits;
    }

    /** Reads a file; glTF external buffers are looked up in its directory. */
    public Mesh read(Path file) throws MeshReadException {
        return read(file, null);
    }

    /** Reads a file whose owner declares its up axis ({@code null}: the format's convention). */
    public Mesh read(Path file, UpAxis declared) throws MeshReadException {
        String name = file.toString();
        byte[] data;
        try {
            long size = Files.size(file);
            limits.checkBytes(name, size);
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MeshReadException(name, "does not exist", e);
        } catch (MeshReadException e) {
            throw e;
        } catch (IOException e) {
            throw new MeshReadException(name, "cannot be read: " + e, e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return read(new MeshSource(name, data, dir, declared));
    }

    /**
     * Reads bytes whose format is detected from content, with the name as a hint; the source's declared up axis,
     * if any, replaces the one the format implies.
     */
    public Mesh read(MeshSource source) throws MeshReadException {
        limits.checkBytes(source.name(), source.bytes().length);
        MeshSource text = withoutByteOrderMark(source);
        MeshFormat format = text == source ? null : textFormat(text);
        if (format != null) {
            source = text;
        } else {
            format = MeshFormat.detect(source.name(), source.bytes());
        }
        Mesh mesh = format.reader().read(source, limits);
        return source.upAxis() == null ? mesh : mesh.withUpAxis(source.upAxis());
    }

    /**
     * The text format the bytes after a byte order mark are in, or null: a binary STL's free 80-byte header may start
     * with anything.
     */
    private static MeshFormat textFormat(MeshSource source) {
        try {
            MeshFormat format = MeshFormat.detect(source.name(), source.bytes());
            return format == MeshFormat.STL ? null : format;
        } catch (MeshReadException e) {
            return null;
        }
    }

    /**
     * The source without a leading UTF-8 byte order mark, as editors on Windows write before OBJ, PLY, OFF and glTF
     * text (OBJ's first statement was lost to it); the same source when there is none.
     */
    private static MeshSource withoutByteOrderMark(MeshSource source) {
        byte[] b = source.bytes();
        if (b.length < 3 || (b[0] & 0xFF) != 0xEF || (b[1] & 0xFF) != 0xBB || (b[2] & 0xFF) != 0xBF) {
            return source;
        }
        return new MeshSource(source.name(), java.util.Arrays.copyOfRange(b, 3, b.length), source.directory(), source.upAxis());
    }
}
