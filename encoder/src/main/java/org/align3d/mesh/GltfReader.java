package org.align3d.mesh;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.align3d.json.JsonFormatException;
import org.align3d.json.JsonObject;

/**
 * glTF 2.0, as {@code .gltf} JSON or binary {@code .glb}. Every triangle primitive (modes 4, 5 and 6, indexed
 * or not) of every mesh reachable from the default scene (or scene 0, or every root node when there are no
 * scenes) is read with its node transforms ({@code matrix}, or translation, rotation and scale) composed down
 * the hierarchy, and merged into one mesh; each glTF mesh becomes a part named after it (or its node).
 *
 * <p>Buffers: the GLB binary chunk, {@code data:} URIs (base64), or a file next to the {@code .gltf}: relative
 * URIs only, resolved inside the file's directory; absolute paths, other schemes and {@code ..} are refused, so
 * a hostile asset cannot read files elsewhere. GLB and buffer lengths are checked against the bytes present.
 * Sparse accessors are refused. The file is Y-up by specification.
 *
 * <p>Own code rather than jgltf-model: the reader has to check every length and count against the limits before
 * allocating and to confine buffer URIs, which a general model library does on its own terms (it also brings
 * jackson-databind into the plugin).
 */
public final class GltfReader implements MeshReader {

    static final int GLB_MAGIC = 0x46546C67; // "glTF"
    static final int CHUNK_JSON = 0x4E4F534A;
    static final int CHUNK_BIN = 0x004E4942;
    private static final int MAX_NODE_DEPTH = 256;
    /** Primitives drawn in the default scene, over all node instances: each costs work even when it holds no data. */
    static final int MAX_PRIMITIVE_INSTANCES = 100_000;

    /**
     * Required extensions that store or place geometry differently from core glTF: reading such a file without
     * them would give empty or wrong shapes, so it is refused by name. Other required extensions concern
     * appearance (materials, textures, techniques) and are ignored; KHR_mesh_quantization is read (normalized
     * integer positions).
     */
    private static final java.util.Set<String> GEOMETRY_EXTENSIONS = java.util.Set.of(
            "KHR_draco_mesh_compression", "EXT_meshopt_compression", "KHR_meshopt_compression",
            "EXT_mesh_gpu_instancing");

    static boolean isGlb(byte[] data) {
        return data.length >= 4 && ByteBuffer.wrap(data, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == GLB_MAGIC;
    }

    @Override
    public Mesh read(MeshSource source, MeshLimits limits) throws MeshReadException {
        String name = source.name();
        byte[] data = MeshReader.checkedBytes(source, limits);
        ByteBuffer bin = null;
        JsonObject json;
        try {
            if (isGlb(data)) {
                ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
                if (data.length < 20) {
                    throw new MeshReadException(name, "GLB is truncated: " + data.length + " bytes, the headers need 20");
                }
                int version = in.getInt(4);
                long length = in.getInt(8) & 0xFFFFFFFFL;
                if (version != 2) {
                    throw new MeshReadException(name, "GLB version " + version + " is not supported (only 2)");
                }
                if (length != data.length) {
                    throw new MeshReadException(name, "GLB header declares " + length + " bytes but the file has "
                            + data.length);
                }
                long jsonLength = in.getInt(12) & 0xFFFFFFFFL;
                if (in.getInt(16) != CHUNK_JSON) {
                    throw new MeshReadException(name, "GLB first chunk is not JSON");
                }
                if (20 + jsonLength > data.length) {
                    throw new MeshReadException(name, "GLB JSON chunk declares " + jsonLength + " bytes but only "
                            + (data.length - 20) + " follow");
                }
                json = JsonObject.parse(data, 20, (int) jsonLength);
                int next = 20 + (int) ((jsonLength + 3) & ~3L);
                if (next + 8 <= data.length) {
                    long binLength = in.getInt(next) & 0xFFFFFFFFL;
                    if (in.getInt(next + 4) == CHUNK_BIN) {
                        if (next + 8 + binLength > data.length) {
                            throw new MeshReadException(name, "GLB BIN chunk declares " + binLength + " bytes but only "
                                    + (data.length - next - 8) + " follow");
                        }
                        bin = ByteBuffer.wrap(data, next + 8, (int) binLength).slice().order(ByteOrder.LITTLE_ENDIAN);
                    }
                }
            } else {
                json = JsonObject.parse(data, 0, data.length);
            }
            // Before anything else: glTF 1.0 has a different layout, and required extensions change how data is stored.
            String version = json.object("asset").string("version");
            if (!version.startsWith("2.")) {
                throw new MeshReadException(name, "glTF asset version " + version + " is not supported (only 2.x)");
            }
            for (String extension : json.strings("extensionsRequired")) {
                if (GEOMETRY_EXTENSIONS.contains(extension)) {
                    throw new MeshReadException(name, "glTF requires extension " + extension + ", which is not supported");
                }
            }
            return new Document(name, source.directory(), limits, json, bin, data.length).read();
        } catch (JsonFormatException e) {
            throw new MeshReadException(name, "glTF: " + e.getMessage(), e);
        }
    }

    /** One glTF document being read: buffers are resolved lazily and cached. */
    private static final class Document {
        private final String name;
        private final Path directory;
        private final MeshLimits limits;
        private final JsonObject json;
        private final ByteBuffer glbBin;
        private final List<JsonObject> buffers;
        private final List<JsonObject> views;
        private final List<JsonObject> accessors;
        private final List<JsonObject> meshes;
        private final List<JsonObject> nodes;
        private final Map<Integer, ByteBuffer> loaded = new HashMap<>();
        private long bytesRead;

        Document(String name, Path directory, MeshLimits limits, JsonObject json, ByteBuffer glbBin, long fileBytes)
                throws JsonFormatException {
            this.name = name;
            this.directory = directory;
            this.limits = limits;
            this.json = json;
            this.glbBin = glbBin;
            this.bytesRead = fileBytes;
            this.buffers = json.objects("buffers");
            this.views = json.objects("bufferViews");
            this.accessors = json.objects("accessors");
            this.meshes = json.objects("meshes");
            this.nodes = json.objects("nodes");
        }

        private record Instance(int mesh, int node, double[] matrix) {
        }

        Mesh read() throws MeshReadException, JsonFormatException {
            List<Instance> instances = new ArrayList<>();
            boolean[] visited = new boolean[nodes.size()];
            for (int root : sceneRoots()) {
                visit(root, identity(), 0, visited, instances);
            }
            // First pass: counts, checked against the limits and the bytes present before anything is allocated.
            long vertexTotal = 0;
            long faceTotal = 0;
            long primitiveInstances = 0;
            for (Instance instance : instances) {
                for (JsonObject primitive : meshes.get(instance.mesh).objects("primitives")) {
                    if (++primitiveInstances > MAX_PRIMITIVE_INSTANCES) { // each costs work, even when it holds nothing
                        throw new MeshReadException(name, "glTF default scene draws more than " + MAX_PRIMITIVE_INSTANCES
                                + " primitives");
                    }
                    if (!isTriangles(primitive)) {
                        continue;
                    }
                    JsonObject position = accessor(primitive.object("attributes").intIn("POSITION", 0, accessors.size() - 1));
                    requireData(position, "POSITION");
                    slice(position, 3);
                    vertexTotal += position.intIn("count", 0, Integer.MAX_VALUE);
                    if (primitive.has("indices")) {
                        JsonObject indices = accessor(primitive.intIn("indices", 0, accessors.size() - 1));
                        requireData(indices, "indices");
                        slice(indices, 1);
                    }
                    faceTotal += triangleCount(primitive);
                    limits.checkVertices(name, vertexTotal);
                    limits.checkFaces(name, faceTotal);
                }
            }
            if (faceTotal == 0) {
                throw new MeshReadException(name, "glTF default scene has no triangle primitives (points and lines are not"
                        + " read)");
            }
            float[] positions = new float[(int) (3 * vertexTotal)];
            int[] triangles = new int[(int) (3 * faceTotal)];
            int[] parts = new int[(int) faceTotal];
            List<String> partNames = new ArrayList<>();
            Map<String, Integer> partIndex = new HashMap<>();
            int vertexBase = 0;
            int face = 0;
            for (Instance instance : instances) {
                JsonObject mesh = meshes.get(instance.mesh);
                String partName = mesh.optString("name", nodes.get(instance.node).optString("name", "mesh" + instance.mesh));
                for (JsonObject primitive : mesh.objects("primitives")) {
                    if (!isTriangles(primitive)) {
                        continue;
                    }
                    int part = partIndex.computeIfAbsent(partName, k -> {
                        partNames.add(k);
                        return partNames.size() - 1;
                    });
                    JsonObject position = accessor(primitive.object("attributes").intIn("POSITION", 0,
                            accessors.size() - 1));
                    if (!position.string("type").equals("VEC3")) {
                        throw new MeshReadException(name, "glTF " + position.path() + " POSITION must be VEC3");
                    }
                    int count = position.intIn("count", 0, Integer.MAX_VALUE);
                    float[] local = new float[3 * count];
                    readFloats(position, 3, local);
                    transform(instance.matrix, local, positions, vertexBase);
                    int[] indices = indices(primitive, count);
                    boolean flip = determinant(instance.matrix) < 0;
                    face = appendTriangles(primitive, indices, count, vertexBase, flip, triangles, parts, part, face);
                    vertexBase += count;
                }
            }
            return MeshAssembly.finish(name, positions, vertexBase, triangles, face, null, parts, null, partNames,
                    UpAxis.Y);
        }

        private List<Integer> sceneRoots() throws JsonFormatException, MeshReadException {
            List<JsonObject> scenes = json.objects("scenes");
            List<Integer> roots = new ArrayList<>();
            if (!scenes.isEmpty()) {
                JsonObject scene = scenes.get(json.has("scene") ? json.intIn("scene", 0, scenes.size() - 1) : 0);
                for (Object n : scene.list("nodes")) {
                    roots.add(nodeIndex(n, scene.path() + ".nodes"));
                }
                return roots;
            }
            boolean[] child = new boolean[nodes.size()];
            for (JsonObject node : nodes) {
                for (Object c : node.list("children")) {
                    child[nodeIndex(c, node.path() + ".children")] = true;
                }
            }
            for (int i = 0; i < nodes.size(); i++) {
                if (!child[i]) {
                    roots.add(i);
                }
            }
            return roots;
        }

        private int nodeIndex(Object value, String where) throws MeshReadException {
            if (value instanceof Long l && l >= 0 && l < nodes.size()) {
                return l.intValue();
            }
            throw new MeshReadException(name, "glTF " + where + " refers to node " + value + " but there are "
                    + nodes.size() + " nodes");
        }

        private void visit(int index, double[] parent, int depth, boolean[] visited, List<Instance> out)
                throws JsonFormatException, MeshReadException {
            // glTF nodes form a forest: a node reached twice is a cycle or a shared child, either of which
            // would let a small file expand into unbounded work.
            if (visited[index] || depth > MAX_NODE_DEPTH) {
                throw new MeshReadException(name, "glTF node " + index + " is reached twice (a cycle or two parents)"
                        + " or lies deeper than " + MAX_NODE_DEPTH + " levels");
            }
            visited[index] = true;
            JsonObject node = nodes.get(index);
            double[] world = multiply(parent, localMatrix(node));
            if (node.has("mesh")) {
                out.add(new Instance(node.intIn("mesh", 0, meshes.size() - 1), index, world));
            }
            for (Object c : node.list("children")) {
                visit(nodeIndex(c, node.path() + ".children"), world, depth + 1, visited, out);
            }
        }

        /** POSITION and indices without a buffer view would be all zeros: nothing to draw, and no bytes to bound. */
        private void requireData(JsonObject acc, String role) throws MeshReadException {
            if (!acc.has("bufferView")) {
                throw new MeshReadException(name, "glTF " + acc.path() + " (" + role + ") has no bufferView");
            }
        }

        private boolean isTriangles(JsonObject primitive) throws JsonFormatException {
            long mode = primitive.optInteger("mode", 4);
            return mode == 4 || mode == 5 || mode == 6;
        }

        private long triangleCount(JsonObject primitive) throws JsonFormatException, MeshReadException {
            long n = primitive.has("indices")
                    ? accessor(primitive.intIn("indices", 0, accessors.size() - 1)).intIn("count", 0, Integer.MAX_VALUE)
                    : accessor(primitive.object("attributes").intIn("POSITION", 0, accessors.size() - 1))
                            .intIn("count", 0, Integer.MAX_VALUE);
            return primitive.optInteger("mode", 4) == 4 ? n / 3 : Math.max(0, n - 2);
        }

        private int[] indices(JsonObject primitive, int vertexCount) throws JsonFormatException, MeshReadException {
            if (!primitive.has("indices")) {
                int[] identity = new int[vertexCount];
                for (int i = 0; i < vertexCount; i++) {
                    identity[i] = i;
                }
                return identity;
            }
            JsonObject acc = accessor(primitive.intIn("indices", 0, accessors.size() - 1));
            if (!acc.string("type").equals("SCALAR")) {
                throw new MeshReadException(name, "glTF " + acc.path() + " indices must be SCALAR");
            }
            long type = acc.integer("componentType");
            if (type != 5121 && type != 5123 && type != 5125) {
                throw new MeshReadException(name, "glTF " + acc.path() + " indices must be unsigned byte, short or int");
            }
            int count = acc.intIn("count", 0, Integer.MAX_VALUE);
            int[] out = new int[count];
            Slice s = slice(acc, 1);
            for (int i = 0; i < count; i++) {
                int at = s.offset + i * s.stride;
                long v = switch ((int) type) {
                    case 5121 -> s.data.get(at) & 0xFF;
                    case 5123 -> s.data.getShort(at) & 0xFFFF;
                    default -> s.data.getInt(at) & 0xFFFFFFFFL;
                };
                if (v >= vertexCount) {
                    throw new MeshReadException(name, "glTF " + acc.path() + " index " + i + " is " + v
                            + " but the primitive has " + vertexCount + " vertices");
                }
                out[i] = (int) v;
            }
            return out;
        }

        private int appendTriangles(JsonObject primitive, int[] idx, int count, int base, boolean flip, int[] tris,
                                    int[] parts, int part, int face) throws JsonFormatException {
            long mode = primitive.optInteger("mode", 4);
            int n = idx.length;
            int triangles = mode == 4 ? n / 3 : Math.max(0, n - 2);
            for (int t = 0; t < triangles; t++) {
                int a, b, c;
                if (mode == 4) {
                    a = idx[3 * t];
                    b = idx[3 * t + 1];
                    c = idx[3 * t + 2];
                } else if (mode == 5) { // strip: every other triangle is wound the other way
                    a = idx[t];
                    b = idx[(t & 1) == 0 ? t + 1 : t + 2];
                    c = idx[(t & 1) == 0 ? t + 2 : t + 1];
                } else { // fan
                    a = idx[0];
                    b = idx[t + 1];
                    c = idx[t + 2];
                }
                tris[3 * face] = base + a;
                tris[3 * face + 1] = base + (flip ? c : b);
                tris[3 * face + 2] = base + (flip ? b : c);
                parts[face] = part;
                face++;
            }
            return face;
        }

        private JsonObject accessor(int index) {
            return accessors.get(index);
        }

        private record Slice(ByteBuffer data, int offset, int stride) {
        }

        /** Where an accessor's elements are, after checking they lie inside their buffer view and buffer. */
        private Slice slice(JsonObject acc, int components) throws JsonFormatException, MeshReadException {
            if (acc.has("sparse")) {
                throw new MeshReadException(name, "glTF " + acc.path() + " is sparse; sparse accessors are not supported");
            }
            int componentSize = componentSize(acc);
            int elementSize = componentSize * components;
            int count = acc.intIn("count", 0, Integer.MAX_VALUE);
            if (!acc.has("bufferView")) {
                // The specification says such an accessor is all zeros.
                return new Slice(ByteBuffer.allocate(Math.max(1, elementSize)), 0, 0);
            }
            JsonObject view = views.get(acc.intIn("bufferView", 0, views.size() - 1));
            ByteBuffer buffer = buffer(view.intIn("buffer", 0, buffers.size() - 1));
            long viewOffset = view.has("byteOffset") ? view.intIn("byteOffset", 0, Integer.MAX_VALUE) : 0;
            long viewLength = view.intIn("byteLength", 0, Integer.MAX_VALUE);
            if (viewOffset < 0 || viewLength < 0 || viewOffset + viewLength > buffer.capacity()) {
                throw new MeshReadException(name, "glTF " + view.path() + " (offset " + viewOffset + ", length "
                        + viewLength + ") lies outside its buffer of " + buffer.capacity() + " bytes");
            }
            long stride = view.has("byteStride") ? view.intIn("byteStride", 4, 252) : elementSize;
            long offset = acc.has("byteOffset") ? acc.intIn("byteOffset", 0, Integer.MAX_VALUE) : 0;
            long needed = count == 0 ? 0 : offset + stride * (count - 1) + elementSize;
            if (offset < 0 || stride < elementSize || needed > viewLength) {
                throw new MeshReadException(name, "glTF " + acc.path() + " needs " + needed + " bytes of its buffer view"
                        + " (stride " + stride + ") but the view has " + viewLength);
            }
            return new Slice(buffer, (int) (viewOffset + offset), (int) stride);
        }

        private int componentSize(JsonObject acc) throws JsonFormatException, MeshReadException {
            long type = acc.integer("componentType");
            return switch ((int) type) {
                case 5120, 5121 -> 1;
                case 5122, 5123 -> 2;
                case 5125, 5126 -> 4;
                default -> throw new MeshReadException(name, "glTF " + acc.path() + " has unknown componentType " + type);
            };
        }

        /** Reads float or (normalized) integer components, as KHR_mesh_quantization allows for positions. */
        private void readFloats(JsonObject acc, int components, float[] out) throws JsonFormatException, MeshReadException {
            Slice s = slice(acc, components);
            int type = (int) acc.integer("componentType");
            boolean normalized = acc.optBoolean("normalized", false);
            int count = out.length / components;
            for (int i = 0; i < count; i++) {
                int at = s.offset + i * s.stride;
                for (int c = 0; c < components; c++) {
                    float v = switch (type) {
                        case 5126 -> s.data.getFloat(at + 4 * c);
                        case 5120 -> normalized ? Math.max(s.data.get(at + c) / 127f, -1f) : s.data.get(at + c);
                        case 5121 -> normalized ? (s.data.get(at + c) & 0xFF) / 255f : s.data.get(at + c) & 0xFF;
                        case 5122 -> normalized ? Math.max(s.data.getShort(at + 2 * c) / 32767f, -1f)
                                : s.data.getShort(at + 2 * c);
                        case 5123 -> normalized ? (s.data.getShort(at + 2 * c) & 0xFFFF) / 65535f
                                : s.data.getShort(at + 2 * c) & 0xFFFF;
                        default -> s.data.getInt(at + 4 * c) & 0xFFFFFFFFL;
                    };
                    out[components * i + c] = v;
                }
            }
        }

        private ByteBuffer buffer(int index) throws JsonFormatException, MeshReadException {
            ByteBuffer cached = loaded.get(index);
            if (cached != null) {
                return cached;
            }
            JsonObject buffer = buffers.get(index);
            long declared = buffer.integer("byteLength");
            byte[] bytes;
            ByteBuffer data;
            if (!buffer.has("uri")) {
                if (glbBin == null || index != 0) {
                    throw new MeshReadException(name, "glTF " + buffer.path() + " has no uri and there is no GLB BIN chunk");
                }
                data = glbBin;
            } else {
                String uri = buffer.string("uri");
                if (uri.startsWith("data:")) {
                    int comma = uri.indexOf(',');
                    if (comma < 0 || !uri.substring(0, comma).endsWith(";base64")) {
                        throw new MeshReadException(name, "glTF " + buffer.path() + " data URI is not base64");
                    }
                    try {
                        bytes = Base64.getDecoder().decode(uri.substring(comma + 1));
                    } catch (IllegalArgumentException e) {
                        throw new MeshReadException(name, "glTF " + buffer.path() + " data URI is not valid base64", e);
                    }
                } else {
                    bytes = external(buffer.path(), uri);
                }
                data = ByteBuffer.wrap(bytes);
            }
            if (declared < 0 || declared > data.capacity()) {
                throw new MeshReadException(name, "glTF " + buffer.path() + " declares " + declared
                        + " bytes but only " + data.capacity() + " are present");
            }
            ByteBuffer view = data.duplicate().limit((int) declared).slice().order(ByteOrder.LITTLE_ENDIAN);
            loaded.put(index, view);
            return view;
        }

        /** A buffer file next to the .gltf; the URI may not leave the file's directory. */
        private byte[] external(String where, String uri) throws MeshReadException {
            if (directory == null) {
                throw new MeshReadException(name, "glTF " + where + " refers to external file '" + uri
                        + "', which an inline asset cannot use (embed the buffer or send a GLB)");
            }
            String decoded = URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (decoded.contains(":") || decoded.startsWith("/") || decoded.startsWith("\\")
                    || decoded.contains("\\") || List.of(decoded.split("/")).contains("..")) {
                throw new MeshReadException(name, "glTF " + where + " uri '" + uri
                        + "' is not a relative path inside the glTF file's directory");
            }
            Path base = directory.toAbsolutePath().normalize();
            Path file = base.resolve(decoded).normalize();
            if (!file.startsWith(base)) {
                throw new MeshReadException(name, "glTF " + where + " uri '" + uri + "' leaves the glTF file's directory");
            }
            try {
                // a symbolic link may point anywhere, and a pipe would block the read: the real file must be a regular
                // one inside the real directory
                Path real = file.toRealPath();
                if (!real.startsWith(base.toRealPath()) || !Files.isRegularFile(real)) {
                    throw new MeshReadException(name, "glTF " + where + " uri '" + uri + "' is not a regular file inside the"
                            + " glTF file's directory");
                }
                file = real;
                long size = Files.size(file);
                bytesRead += size;
                limits.checkBytes(name + " with its buffers", bytesRead);
                return Files.readAllBytes(file);
            } catch (IOException e) {
                if (e instanceof MeshReadException m) {
                    throw m;
                }
                throw new MeshReadException(name, "glTF " + where + " file '" + uri + "' cannot be read: " + e, e);
            }
        }
    }

    // --- 4x4 column-major matrices, as glTF stores them ---

    static double[] identity() {
        return new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    }

    static double[] localMatrix(JsonObject node) throws JsonFormatException {
        if (node.has("matrix")) {
            return node.numbers("matrix", 16);
        }
        double[] t = node.has("translation") ? node.numbers("translation", 3) : new double[3];
        double[] r = node.has("rotation") ? node.numbers("rotation", 4) : new double[] {0, 0, 0, 1};
        double[] s = node.has("scale") ? node.numbers("scale", 3) : new double[] {1, 1, 1};
        double qx = r[0], qy = r[1], qz = r[2], qw = r[3];
        double norm = Math.sqrt(qx * qx + qy * qy + qz * qz + qw * qw);
        if (norm > 0) {
            qx /= norm;
            qy /= norm;
            qz /= norm;
            qw /= norm;
        }
        double[] m = new double[16];
        m[0] = (1 - 2 * (qy * qy + qz * qz)) * s[0];
        m[1] = (2 * (qx * qy + qz * qw)) * s[0];
        m[2] = (2 * (qx * qz - qy * qw)) * s[0];
        m[4] = (2 * (qx * qy - qz * qw)) * s[1];
        m[5] = (1 - 2 * (qx * qx + qz * qz)) * s[1];
        m[6] = (2 * (qy * qz + qx * qw)) * s[1];
        m[8] = (2 * (qx * qz + qy * qw)) * s[2];
        m[9] = (2 * (qy * qz - qx * qw)) * s[2];
        m[10] = (1 - 2 * (qx * qx + qy * qy)) * s[2];
        m[12] = t[0];
        m[13] = t[1];
        m[14] = t[2];
        m[15] = 1;
        return m;
    }

    static double[] multiply(double[] a, double[] b) {
        double[] out = new double[16];
        for (int col = 0; col < 4; col++) {
            for (int row = 0; row < 4; row++) {
                double sum = 0;
                for (int k = 0; k < 4; k++) {
                    sum += a[k * 4 + row] * b[col * 4 + k];
                }
                out[col * 4 + row] = sum;
            }
        }
        return out;
    }

    static double determinant(double[] m) {
        return m[0] * (m[5] * m[10] - m[9] * m[6]) - m[4] * (m[1] * m[10] - m[9] * m[2])
                + m[8] * (m[1] * m[6] - m[5] * m[2]);
    }

    private static void transform(double[] m, float[] local, float[] out, int base) {
        int n = local.length / 3;
        for (int i = 0; i < n; i++) {
            double x = local[3 * i], y = local[3 * i + 1], z = local[3 * i + 2];
            out[3 * (base + i)] = (float) (m[0] * x + m[4] * y + m[8] * z + m[12]);
            out[3 * (base + i) + 1] = (float) (m[1] * x + m[5] * y + m[9] * z + m[13]);
            out[3 * (base + i) + 2] = (float) (m[2] * x + m[6] * y + m[10] * z + m[14]);
        }
    }
}
