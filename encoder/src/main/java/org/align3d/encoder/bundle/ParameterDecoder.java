package org.align3d.encoder.bundle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the tensors of a parameter file (DJL's {@code Block.saveParameters}) into buffers of their own size.
 *
 * <p>Why: DJL 0.35's decoder copies every tensor through a new 1 MiB array, however small the tensor. The default
 * bundle's 56 tensors (3 MB) thus cost 59 MB of allocation per load, and on a heap of 1 MiB G1 regions (heaps up to
 * 2 GB) each of those arrays is a humongous object spanning two regions: heap use rose by about 120 MB per bundle
 * load until the next collection, which is what an OpenSearch node's real-memory circuit breaker counts. This
 * decoder copies each file's tensors through one 64 KiB chunk instead; a load then allocates under 1 MB.
 *
 * <p>The format, one tensor as DJL writes it (versions 1 to 3; {@code DataOutputStream} encodings):
 * <pre>
 *   UTF   "NDAR"
 *   int   version, 1..3
 *   byte  version 2 and up: 1 if a UTF name follows, anything else if not
 *   UTF   name (only when flagged)
 *   UTF   sparse format (parameters are dense; ignored, as DJL ignores it)
 *   UTF   data type, a {@link DataType} constant name
 *   ...   shape ({@link Shape#decode})
 *   byte  version 3 and up: '>' big-endian data, anything else little-endian; before version 3, native order
 *   int   data length in bytes, which must be the shape's size times the type's width
 *   bytes the data
 * </pre>
 */
public final class ParameterDecoder {

    private static final int CHUNK = 64 << 10;
    private static final int MAX_VERSION = 3;

    private ParameterDecoder() {}

    /**
     * {@code manager} as seen by {@code Block.loadParameters}: every call goes to it, except that tensors are decoded
     * here, through one chunk. The tensors belong to {@code manager}. For one file of {@code fileBytes} bytes on one
     * thread: together its tensors may not claim more data than that, so a damaged length is refused before any
     * buffer is allocated for it.
     */
    public static NDManager decoding(NDManager manager, long fileBytes) {
        byte[] chunk = new byte[CHUNK];
        long[] left = {fileBytes};
        return (NDManager) Proxy.newProxyInstance(NDManager.class.getClassLoader(), new Class<?>[] {NDManager.class},
            (proxy, method, args) -> {
                boolean decode = method.getName().equals("decode") && args != null && args.length == 1;
                if (decode && args[0] instanceof DataInputStream in) {
                    NDArray array = decode(manager, in, chunk, left[0]);
                    left[0] -= array.getShape().size() * array.getDataType().getNumOfBytes();
                    return array;
                }
                try {
                    return method.invoke(manager, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    /**
     * Reads one tensor (see the class comment for the format) into a buffer of {@code manager}.
     *
     * @param available bytes the input holds at most: a tensor claiming more data is refused before allocating
     */
    public static NDArray decode(NDManager manager, DataInputStream in, long available) throws IOException {
        return decode(manager, in, new byte[CHUNK], available);
    }

    private static NDArray decode(NDManager manager, DataInputStream in, byte[] chunk, long available) throws IOException {
        if (!"NDAR".equals(in.readUTF())) {
            throw new IOException("a tensor does not start with NDAR: not a DJL parameter file, or damaged");
        }
        int version = in.readInt();
        if (version < 1 || version > MAX_VERSION) {
            throw new IOException("a tensor has encoding version " + version + "; this reader knows 1 to " + MAX_VERSION);
        }
        String name = version >= 2 && in.readByte() == 1 ? in.readUTF() : null;
        in.readUTF(); // sparse format
        DataType type = dataType(in.readUTF(), name);
        Shape shape = Shape.decode(in);
        ByteOrder order = version >= 3
            ? (in.readByte() == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
            : ByteOrder.nativeOrder();
        int length = in.readInt();
        long expected = shape.size() * type.getNumOfBytes();
        if (length < 0 || shape.size() < 0 || length != expected) {
            throw new IOException("tensor " + describe(name) + " of shape " + shape + " and type " + type + " needs " + expected
                + " bytes; the file says " + length);
        }
        if (length > available) {
            throw new IOException("tensor " + describe(name) + " of shape " + shape + " claims " + length
                + " bytes of data; the file holds at most " + available + " more");
        }
        ByteBuffer data = manager.allocateDirect(length).order(order);
        for (int left = length; left > 0; ) {
            int n = Math.min(left, chunk.length);
            in.readFully(chunk, 0, n);
            data.put(chunk, 0, n);
            left -= n;
        }
        data.rewind();
        NDArray array = manager.create(data, shape, type);
        array.setName(name);
        return array;
    }

    private static DataType dataType(String constant, String name) throws IOException {
        try {
            return DataType.valueOf(constant);
        } catch (IllegalArgumentException e) {
            throw new IOException("tensor " + describe(name) + " has an unknown data type [" + constant + "]", e);
        }
    }

    private static String describe(String name) {
        return name == null ? "(unnamed)" : "[" + name + "]";
    }
}
