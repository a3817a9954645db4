package org.align3d.sampling;

import java.util.List;
import java.util.Objects;

/**
 * Points with normals and, when the source had parts, a part label per point. Arrays are shared, not copied.
 *
 * @param positions  x, y, z per point
 * @param normals    unit normal per point (zero when the source had none: a bare point cloud without normals)
 * @param labels     part index per point into {@code labelNames}, or {@code null} when the source had no parts
 * @param labelNames part names
 */
public record PointCloud(float[] positions, float[] normals, int[] labels, List<String> labelNames) {

    public PointCloud {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(normals, "normals");
        labelNames = List.copyOf(labelNames);
        if (positions.length % 3 != 0 || normals.length != positions.length) {
            throw new IllegalArgumentException("positions and normals must both hold 3 floats per point");
        }
        if (labels != null && labels.length != positions.length / 3) {
            throw new IllegalArgumentException("one label per point expected");
        }
    }

    public int size() {
        return positions.length / 3;
    }

    public boolean hasLabels() {
        return labels != null;
    }
}
