/**
 * Where assets go: the index (align3d codec, the catalog mapping with its {@code shape_vector} field) and the
 * ingest pipeline whose {@code shape_embedding} processor embeds them. Created when missing, checked when present,
 * never recreated or deleted.
 */
package org.align3d.client.target;
