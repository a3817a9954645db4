package org.align3d.synth;

/**
 * Where a primitive goes: a rotation and a translation, composed in the primitive's local frame
 * ({@code Pose.at(x, y, z).rotZ(a)} places the primitive at (x, y, z), turned by a about its own Z axis).
 */
public record Pose(double[] r, double tx, double ty, double tz) {

    public static final Pose ORIGIN = at(0, 0, 0);

    public static Pose at(double x, double y, double z) {
        return new Pose(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, x, y, z);
    }

    /** A pose at {@code from} whose local +Y axis points at {@code to} (for rods and legs at an angle). */
    public static Pose along(double x0, double y0, double z0, double x1, double y1, double z1) {
        double dx = x1 - x0, dy = y1 - y0, dz = z1 - z0;
        double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double[] y = {dx / len, dy / len, dz / len};
        double[] a = Math.abs(y[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 0, 1};
        double dot = a[0] * y[0] + a[1] * y[1] + a[2] * y[2];
        double[] x = {a[0] - dot * y[0], a[1] - dot * y[1], a[2] - dot * y[2]};
        double xl = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
        x[0] /= xl;
        x[1] /= xl;
        x[2] /= xl;
        double[] z = {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
        // columns are the local axes
        return new Pose(new double[] {x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]}, x0, y0, z0);
    }

    public Pose rotX(double a) {
        double c = Math.cos(a), s = Math.sin(a);
        return rotate(new double[] {1, 0, 0, 0, c, -s, 0, s, c});
    }

    public Pose rotY(double a) {
        double c = Math.cos(a), s = Math.sin(a);
        return rotate(new double[] {c, 0, s, 0, 1, 0, -s, 0, c});
    }

    public Pose rotZ(double a) {
        double c = Math.cos(a), s = Math.sin(a);
        return rotate(new double[] {c, -s, 0, s, c, 0, 0, 0, 1});
    }

    /** Moves along the pose's own axes. */
    public Pose shift(double x, double y, double z) {
        return new Pose(r, tx + r[0] * x + r[1] * y + r[2] * z, ty + r[3] * x + r[4] * y + r[5] * z,
                tz + r[6] * x + r[7] * y + r[8] * z);
    }

    private Pose rotate(double[] m) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = r[3 * i] * m[j] + r[3 * i + 1] * m[3 + j] + r[3 * i + 2] * m[6 + j];
            }
        }
        return new Pose(out, tx, ty, tz);
    }

    void apply(double x, double y, double z, double[] out) {
        out[0] = r[0] * x + r[1] * y + r[2] * z + tx;
        out[1] = r[3] * x + r[4] * y + r[5] * z + ty;
        out[2] = r[6] * x + r[7] * y + r[8] * z + tz;
    }
}
