package org.align3d.mesh;

import java.util.HashMap;
import java.util.Map;

/**
 * Wavefront OBJ: {@code v} (extra w or colour values ignored), {@code f} with {@code v}, {@code v/vt},
 * {@code v//vn} or {@code v/vt/vn} corners and negative (relative) indices, polygons fan-triangulated, and
 * {@code g}/{@code o} names as parts. Texture coordinates, normals, materials, lines and points are ignored:
 * sampling computes normals from the triangles. So is an {@code f} of one or two corners, which some exporters
 * write for a loose edge or point: it encloses no surface (its indices are still checked). The file must be UTF-8
 * (ASCII being the common case).
 */
public final class ObjReader implements MeshReader {

    @Override
    public Mesh read(MeshSource source, MeshLimits limits) throws MeshReadException {
        String name = source.name();
        byte[] data = MeshReader.checkedBytes(source, limits);
        Utf8.requireValid(name, data);
        // A vertex line takes at least 8 bytes ("v 0 0 0\n"): a cheap first guess keeps regrowth rare.
        int guess = (int) Math.min(limits.maxVertices(), data.length / 40L + 16);
        GrowableMesh mesh = new GrowableMesh(name, limits, guess, 2 * guess, true);
        Map<String, Integer> partIndex = new HashMap<>();
        int part = -1;
        int[] corners = new int[16];
        TextScanner in = new TextScanner(name, data, 0);
        while (in.skipEmptyLines((byte) '#')) {
            in.token();
            if (in.tokenIs("v")) {
                float x = in.nextFloat("vertex x");
                float y = in.nextFloat("vertex y");
                float z = in.nextFloat("vertex z");
                mesh.addVertex(x, y, z);
            } else if (in.tokenIs("f")) {
                int count = 0;
                while (in.token()) {
                    if (count == corners.length) {
                        corners = java.util.Arrays.copyOf(corners, 2 * count);
                    }
                    corners[count++] = cornerIndex(in, mesh.vertexCount);
                }
                if (count == 0) {
                    throw in.error("face has no corners");
                }
                if (count < 3) {
                    in.nextLine(); // an edge or a point written as a face: no surface to sample
                    continue;
                }
                if (part < 0) {
                    part = partIndex.computeIfAbsent("default", k -> addPart(mesh, k));
                }
                mesh.addPolygon(corners, count, part);
            } else if (in.tokenIs("g") || in.tokenIs("o")) {
                String group = in.restOfLine();
                String key = group.isEmpty() ? "default" : group;
                part = partIndex.computeIfAbsent(key, k -> addPart(mesh, k));
            }
            // vt, vn, s, usemtl, mtllib, l, p and unknown statements carry nothing sampling uses.
            in.nextLine();
        }
        if (mesh.faceCount == 0) {
            // A points-only OBJ: keep it as a point cloud, without parts.
            return MeshAssembly.finish(name, mesh.positions, mesh.vertexCount, mesh.triangles, 0, null, null, null,
                    java.util.List.of(), MeshFormat.OBJ.assumedUpAxis());
        }
        return mesh.finish(MeshFormat.OBJ.assumedUpAxis());
    }

    private static int addPart(GrowableMesh mesh, String name) {
        mesh.partNames.add(name);
        return mesh.partNames.size() - 1;
    }

    /** The vertex index of a face corner ({@code v}, {@code v/vt}, {@code v//vn}, {@code v/vt/vn}), zero-based. */
    private static int cornerIndex(TextScanner in, int vertexCount) throws MeshReadException {
        int end = in.tokenStart();
        while (end < in.tokenEnd() && in.charAt(end) != '/') {
            end++;
        }
        long index = in.parseLong(in.tokenStart(), end, "face vertex index");
        long resolved = index < 0 ? vertexCount + index : index - 1;
        if (index == 0 || resolved < 0 || resolved >= vertexCount) {
            throw in.error("face refers to vertex " + index + " but " + vertexCount + " vertices are defined so far");
        }
        return (int) resolved;
    }
}
