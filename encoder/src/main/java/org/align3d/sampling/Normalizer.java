package org.align3d.sampling;

import org.align3d.mesh.Mesh;
import org.align3d.mesh.UpAxis;

/**
 * Centres a shape on its bounding box, scales it into the unit sphere and rotates it so +Y is up, recording
 * the original extent and up axis in a {@link ShapeFrame}. The frame is measured on the mesh's vertices, not on
 * sampled points, so it is exact and independent of the sampling seed.
 */
public final class Normalizer {

    /** The frame of a mesh: bounding box, radius and extent in file units. */
    public ShapeFrame frame(Mesh mesh) {
        float[] p = mesh.positions();
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < p.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                min[k] = Math.min(min[k], p[i + k]);
                max[k] = Math.max(max[k], p[i + k]);
            }
        }
        double[] centre = {(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2};
        double r2 = 0;
        for (int i = 0; i < p.length; i += 3) {
            double dx = p[i] - centre[0], dy = p[i + 1] - centre[1], dz = p[i + 2] - centre[2];
            r2 = Math.max(r2, dx * dx + dy * dy + dz * dz);
        }
        double radius = Math.sqrt(r2);
        double ex = max[0] - min[0], ey = max[1] - min[1], ez = max[2] - min[2];
        UpAxis up = mesh.upAxis();
        return up == UpAxis.Z
                ? new ShapeFrame(centre, radius, ex, ez, ey, up)
                : new ShapeFrame(centre, radius, ex, ey, ez, up);
    }

    /** The cloud in the frame's normalized coordinates: centred, inside the unit sphere, +Y up. */
    public PointCloud apply(ShapeFrame frame, PointCloud cloud) {
        float[] p = cloud.positions();
        float[] n = cloud.normals();
        float[] out = new float[p.length];
        float[] normals = new float[n.length];
        double scale = frame.radius() > 0 ? 1 / frame.radius() : 1;
        double[] c = frame.centre();
        boolean zUp = frame.upAxis() == UpAxis.Z;
        for (int i = 0; i < p.length; i += 3) {
            double x = (p[i] - c[0]) * scale, y = (p[i + 1] - c[1]) * scale, z = (p[i + 2] - c[2]) * scale;
            if (zUp) { // rotate -90 degrees about X: Z becomes Y
                out[i] = (float) x;
                out[i + 1] = (float) z;
                out[i + 2] = (float) -y;
                normals[i] = n[i];
                normals[i + 1] = n[i + 2];
                normals[i + 2] = -n[i + 1];
            } else {
                out[i] = (float) x;
                out[i + 1] = (float) y;
                out[i + 2] = (float) z;
                normals[i] = n[i];
                normals[i + 1] = n[i + 1];
                normals[i + 2] = n[i + 2];
            }
        }
        return new PointCloud(out, normals, cloud.labels(), cloud.labelNames());
    }
}
