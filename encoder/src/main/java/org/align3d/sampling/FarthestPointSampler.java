package org.align3d.sampling;

/**
 * Farthest point sampling: picks patch centres that cover a cloud evenly, each the point farthest from those
 * already picked. Starts from the point farthest from the centroid rather than a random one, so the result
 * depends only on the cloud (the cloud itself carries the sampling seed).
 */
public final class FarthestPointSampler {

    /** Indices of {@code count} points of {@code cloud}, in the order they were picked. */
    public int[] select(PointCloud cloud, int count) {
        int n = cloud.size();
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("cannot pick " + count + " centres from " + n + " points");
        }
        float[] p = cloud.positions();
        double cx = 0, cy = 0, cz = 0;
        for (int i = 0; i < n; i++) {
            cx += p[3 * i];
            cy += p[3 * i + 1];
            cz += p[3 * i + 2];
        }
        cx /= n;
        cy /= n;
        cz /= n;
        int first = 0;
        double best = -1;
        for (int i = 0; i < n; i++) {
            double dx = p[3 * i] - cx, dy = p[3 * i + 1] - cy, dz = p[3 * i + 2] - cz;
            double d = dx * dx + dy * dy + dz * dz;
            if (d > best) {
                best = d;
                first = i;
            }
        }
        int[] picked = new int[count];
        float[] nearest = new float[n];
        java.util.Arrays.fill(nearest, Float.MAX_VALUE);
        int current = first;
        for (int k = 0; k < count; k++) {
            picked[k] = current;
            float px = p[3 * current], py = p[3 * current + 1], pz = p[3 * current + 2];
            int next = 0;
            float far = -1;
            for (int i = 0; i < n; i++) {
                float dx = p[3 * i] - px, dy = p[3 * i + 1] - py, dz = p[3 * i + 2] - pz;
                float d = dx * dx + dy * dy + dz * dz;
                if (d < nearest[i]) {
                    nearest[i] = d;
                }
                if (nearest[i] > far) {
                    far = nearest[i];
                    next = i;
                }
            }
            current = next;
        }
        return picked;
    }
}
