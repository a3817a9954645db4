/**
 * The {@code shape_embedding} ingest processor: reads 3D assets from documents (inline base64 or files under the
 * node's asset roots), embeds them on the node's inference pool, and writes {@code shape_vector} values.
 */
package org.align3d.ingest;
