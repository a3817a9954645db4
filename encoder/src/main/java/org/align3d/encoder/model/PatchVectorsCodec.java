package org.align3d.encoder.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.align3d.encoder.haf.HafShape;
import org.align3d.mesh.UpAxis;
import org.align3d.sampling.ShapeFrame;

/**
 * The compact stored form of an {@link AssetEmbedding}: what a {@code shape_vector} field keeps per document (in
 * binary doc values) for HAF reranking and highlights. About 5 KB for 64 patches of 64 dimensions.
 *
 * <pre>
 * All little-endian.
 *   byte     version (1)
 *   short    P patches, short T token dims, short D global dims, byte G part groups
 *   float[3] frame centre (file units), float frame radius, float[3] extent width, height, depth, byte up axis
 *   float    global scale, byte[D] global vector as int8 (value = byte * scale)
 *   P x (float scale, byte[T] patch vector as int8)
 *   byte[P]  part group of each patch
 *   P x short[3] patch centre in the unit sphere (value = short / 32767)
 *   P x short    patch radius in the unit sphere (value = short / 32767)
 * </pre>
 * Vectors are re-normalised after decoding; int8 with a per-vector scale changes cosines by well under 1%.
 */
public final class PatchVectorsCodec {

    public static final byte VERSION = 1;
    static final int MAX_PATCHES = 4096;
    static final int MAX_DIMS = 4096;

    private PatchVectorsCodec() {}

    public static byte[] encode(AssetEmbedding e) {
        HafShape s = e.shape();
        int p = s.patches().length;
        int t = p == 0 ? 0 : s.patches()[0].length;
        int d = s.global().length;
        ByteBuffer b = ByteBuffer.allocate(size(p, t, d)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(VERSION).putShort((short) p).putShort((short) t).putShort((short) d).put((byte) s.groupCount());
        ShapeFrame f = e.frame();
        b.putFloat((float) f.centre()[0]).putFloat((float) f.centre()[1]).putFloat((float) f.centre()[2]).putFloat((float) f.radius());
        b.putFloat((float) f.width()).putFloat((float) f.height()).putFloat((float) f.depth()).put((byte) f.upAxis().ordinal());
        putInt8(b, s.global());
        for (float[] patch : s.patches()) {
            putInt8(b, patch);
        }
        for (int g : s.patchGroups()) {
            b.put((byte) g);
        }
        for (float c : e.centres()) {
            b.putShort(toShort(c));
        }
        for (float r : e.radii()) {
            b.putShort(toShort(r));
        }
        return b.array();
    }

    public static AssetEmbedding decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes {@code length} bytes at {@code offset} (a doc value's slice, read in place). */
    public static AssetEmbedding decode(byte[] bytes, int offset, int length) {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte version = b.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("stored patch vectors have version " + version + "; this align3d reads " + VERSION);
            }
            int p = b.getShort();
            int t = b.getShort();
            int d = b.getShort();
            int groups = b.get();
            if (p < 0 || p > MAX_PATCHES || t < 0 || t > MAX_DIMS || d < 1 || d > MAX_DIMS || groups < 1
                || length != size(p, t, d)) {
                throw new IllegalArgumentException("stored patch vectors are damaged: header says " + p + " patches of " + t
                    + " dims, " + d + " global dims, " + groups + " groups, in " + length + " bytes");
            }
            double[] centre = {b.getFloat(), b.getFloat(), b.getFloat()};
            double radius = b.getFloat();
            double width = b.getFloat();
            double height = b.getFloat();
            double depth = b.getFloat();
            UpAxis up = UpAxis.values()[Math.floorMod(b.get(), UpAxis.values().length)];
            float[] global = getInt8(b, d);
            float[][] patches = new float[p][];
            for (int i = 0; i < p; i++) {
                patches[i] = getInt8(b, t);
            }
            int[] patchGroups = new int[p];
            for (int i = 0; i < p; i++) {
                patchGroups[i] = Math.min(groups - 1, b.get() & 0xFF);
            }
            float[] centres = new float[3 * p];
            for (int i = 0; i < centres.length; i++) {
                centres[i] = b.getShort() / 32767f;
            }
            float[] radii = new float[p];
            for (int i = 0; i < p; i++) {
                radii[i] = b.getShort() / 32767f;
            }
            return new AssetEmbedding(new HafShape(global, patches, patchGroups, groups), centres, radii,
                new ShapeFrame(centre, radius, width, height, depth, up));
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("stored patch vectors are truncated (" + length + " bytes)", e);
        }
    }

    static int size(int p, int t, int d) {
        return 1 + 2 + 2 + 2 + 1 + 4 * 7 + 1 + (4 + d) + p * (4 + t) + p + p * 6 + p * 2;
    }

    private static void putInt8(ByteBuffer b, float[] v) {
        float max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        float scale = max == 0 ? 1 : max / 127f;
        b.putFloat(scale);
        for (float x : v) {
            b.put((byte) Math.round(x / scale));
        }
    }

    /** An int8 vector, normalised: its scale cancels out, so only the codes are read (in bulk). */
    private static float[] getInt8(ByteBuffer b, int n) {
        b.getFloat(); // the scale: irrelevant once the vector is normalised
        int at = b.position();
        int norm = 0;
        for (int i = 0; i < n; i++) {
            int c = b.get(at + i);
            norm += c * c;
        }
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = b.get(at + i) * inv;
        }
        b.position(at + n);
        return v;
    }

    private static short toShort(float v) {
        return (short) Math.round(Math.max(-1f, Math.min(1f, v)) * 32767f);
    }
}
