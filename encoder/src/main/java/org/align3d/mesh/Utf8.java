package org.align3d.mesh;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation of a whole text file. Text formats are read byte-wise, so a file in another encoding
 * would otherwise turn into garbled group names silently; this reports where the first invalid byte is.
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Utf8() {
    }

    static void requireValid(String source, byte[] data) throws MeshReadException {
        int i = 0;
        int n = data.length;
        while (i < n) {
            // ASCII fast path, eight bytes at a time while no high bit is set
            if (i + 8 <= n && (((long) LONGS.get(data, i)) & 0x8080808080808080L) == 0) {
                i += 8;
                continue;
            }
            int b = data[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int extra;
            int min;
            if ((b & 0xE0) == 0xC0) {
                extra = 1;
                min = 0x80;
            } else if ((b & 0xF0) == 0xE0) {
                extra = 2;
                min = 0x800;
            } else if ((b & 0xF8) == 0xF0) {
                extra = 3;
                min = 0x10000;
            } else {
                throw invalid(source, data, i);
            }
            int cp = b & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                if (i + k >= n || (data[i + k] & 0xC0) != 0x80) {
                    throw invalid(source, data, i);
                }
                cp = (cp << 6) | (data[i + k] & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                throw invalid(source, data, i);
            }
            i += extra + 1;
        }
    }

    /** Lines are counted only here: the valid path must not pay for them. */
    private static MeshReadException invalid(String source, byte[] data, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (data[i] == '\n') {
                line++;
            }
        }
        return new MeshReadException(source, "is not valid UTF-8: invalid byte sequence at byte offset " + offset
                + " (line " + line + ")");
    }
}
