/**
 * Serving a trained model: {@link org.align3d.encoder.model.ShapeModel} embeds assets and queries and segments
 * parts; {@link org.align3d.encoder.model.PatchVectorsCodec} is the per-asset stored form HAF reads at query time.
 */
package org.align3d.encoder.model;
