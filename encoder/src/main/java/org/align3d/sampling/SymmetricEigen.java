package org.align3d.sampling;

/** Eigenvectors of a symmetric 3x3 matrix by cyclic Jacobi rotations (exact enough after a few sweeps). */
final class SymmetricEigen {

    private static final int SWEEPS = 12;

    private SymmetricEigen() {}

    /**
     * Writes into {@code out} the unit eigenvector of the smallest eigenvalue of the symmetric matrix given as
     * xx, xy, xz, yy, yz, zz. A matrix of zeros (all points in one place) gives +Y.
     */
    static void smallestEigenvector(double[] m, double[] out) {
        double[][] a = {{m[0], m[1], m[2]}, {m[1], m[3], m[4]}, {m[2], m[4], m[5]}};
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double scale = Math.abs(m[0]) + Math.abs(m[3]) + Math.abs(m[5]);
        if (scale == 0) {
            out[0] = 0;
            out[1] = 1;
            out[2] = 0;
            return;
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            double off = Math.abs(a[0][1]) + Math.abs(a[0][2]) + Math.abs(a[1][2]);
            if (off <= 1e-15 * scale) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        int smallest = 0;
        for (int i = 1; i < 3; i++) {
            if (a[i][i] < a[smallest][smallest]) {
                smallest = i;
            }
        }
        double length = Math.sqrt(v[0][smallest] * v[0][smallest] + v[1][smallest] * v[1][smallest]
            + v[2][smallest] * v[2][smallest]);
        for (int r = 0; r < 3; r++) {
            out[r] = v[r][smallest] / length;
        }
    }

    /** One Jacobi rotation zeroing {@code a[p][q]}; the columns of {@code v} accumulate the eigenvectors. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        if (a[p][q] == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < 3; k++) { // A <- A J
            double akp = a[k][p], akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < 3; k++) { // A <- J^T A
            double apk = a[p][k], aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < 3; k++) {
            double vkp = v[k][p], vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
