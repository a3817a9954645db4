package org.align3d.encoder.model;

import java.util.List;

/**
 * Zero-shot part segmentation of one asset: a label per sampled point.
 *
 * @param names     the part names asked for; {@code labels} index into them
 * @param positions sampled points in the file's own coordinates, x y z per point
 * @param labels    per point, the index of its part name
 */
public record Segmentation(List<String> names, float[] positions, int[] labels) {
}
