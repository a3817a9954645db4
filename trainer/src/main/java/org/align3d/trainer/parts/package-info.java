/**
 * Training the point-level part head ({@link org.align3d.encoder.parts.PartHead}) on top of a trained, frozen
 * encoder: the second stage of {@code ./align3d train}, and {@code ./align3d train-parts} for an existing bundle.
 */
package org.align3d.trainer.parts;
