/**
 * Mesh files in and out: one reader per format ({@link org.align3d.mesh.ObjReader}, {@link
 * org.align3d.mesh.PlyReader}, {@link org.align3d.mesh.StlReader}, {@link org.align3d.mesh.OffReader}, {@link
 * org.align3d.mesh.GltfReader}), recognised from content by {@link org.align3d.mesh.MeshFormat} and read through
 * {@link org.align3d.mesh.MeshLoader} under {@link org.align3d.mesh.MeshLimits}; writers for the dataset
 * generator and tests.
 *
 * <p>The parsers are the project's own. The Java libraries on Maven Central (de.javagl obj and jgltf-model,
 * org.smurn jply) each parse into their own object model, allocate from header counts without a bound, decode
 * text leniently and resolve glTF URIs themselves; align3d reads untrusted files inside a search node, so it
 * needs every count checked against {@link org.align3d.mesh.MeshLimits} and against the bytes present before
 * allocation, strict UTF-8, confined buffer URIs, and one error type naming the file and the problem. The
 * formats are small enough that owning that code costs less than wrapping libraries to get it. JSON (glTF) is
 * parsed with jackson-core's streaming parser, which every OpenSearch node ships.
 *
 * <p>Every reader's output passes the same checks ({@code MeshAssembly}): finite coordinates, indices in range,
 * zero-area triangles dropped (failing only when none remain).
 */
package org.align3d.mesh;
