package org.align3d.encoder.parts;

import java.util.Arrays;

/** The patch centres nearest a point, by a linear scan: a cloud has a few dozen centres, too few for an index. */
final class NearestCentres {

    private NearestCentres() {}

    /**
     * Fills {@code nearest} and {@code distance} (squared) with the {@code nearest.length} centres of {@code centres}
     * (x, y, z each) closest to (x, y, z), nearest first; ties keep the lower index.
     */
    static void find(float[] centres, float x, float y, float z, int[] nearest, double[] distance) {
        int k = nearest.length;
        Arrays.fill(distance, Double.MAX_VALUE);
        for (int c = 0; c < centres.length / 3; c++) {
            double dx = x - centres[3 * c], dy = y - centres[3 * c + 1], dz = z - centres[3 * c + 2];
            double d = dx * dx + dy * dy + dz * dz;
            if (d < distance[k - 1]) { // insert into the sorted k nearest
                int at = k - 1;
                while (at > 0 && distance[at - 1] > d) {
                    distance[at] = distance[at - 1];
                    nearest[at] = nearest[at - 1];
                    at--;
                }
                distance[at] = d;
                nearest[at] = c;
            }
        }
    }
}
