package org.align3d.encoder.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * The compact text form of a float vector in a document's source: base64 of its components as little-endian
 * IEEE-754 float32 ({@code 4 * dims} bytes, so 1,368 characters for 256 dimensions against about 2,600 for a
 * JSON array of numbers). The {@code shape_embedding} processor writes vectors this way; the
 * {@code shape_vector} field reads this form or a plain JSON array.
 */
public final class VectorText {

    private VectorText() {}

    public static String encode(float[] vector) {
        ByteBuffer b = ByteBuffer.allocate(4 * vector.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(b.array());
    }

    /**
     * @param maxDims the largest vector accepted; longer text is refused before it is decoded
     * @throws IllegalArgumentException when the text is not base64 or not a whole number of float32 values
     */
    public static float[] decode(String text, int maxDims) {
        if (text.length() > (4L * maxDims + 2) / 3 * 4) {
            throw new IllegalArgumentException("is longer than " + maxDims + " base64 float32 values");
        }
        byte[] bytes = Base64.getDecoder().decode(text);
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("holds " + bytes.length + " bytes, not a whole number of float32 values");
        }
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
