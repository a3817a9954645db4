/**
 * The {@code shape_embedding} ingest processor: reads 3D assets (OBJ, PLY, STL, OFF, glTF/GLB) from
 * documents, samples points and patches, and writes the asset's global and per-patch embeddings.
 *
 * <p>Status: the module is laid out; the processor arrives with the search issue.
 */
package org.align3d.ingest;
