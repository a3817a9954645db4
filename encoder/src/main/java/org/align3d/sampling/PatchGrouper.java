package org.align3d.sampling;

/**
 * Groups a cloud into patches: each centre with its {@code patchSize} nearest points (the centre itself first,
 * then by increasing distance, ties by index). Patches may overlap, as in PatchAlign3D's point transformer.
 */
public final class PatchGrouper {

    private final int patchSize;

    public PatchGrouper(int patchSize) {
        if (patchSize < 1) {
            throw new IllegalArgumentException("patch size must be >= 1, got " + patchSize);
        }
        this.patchSize = patchSize;
    }

    public Patches group(PointCloud cloud, int[] centres) {
        int n = cloud.size();
        if (patchSize > n) {
            throw new IllegalArgumentException("patch size " + patchSize + " exceeds the " + n + " points of the cloud");
        }
        float[] p = cloud.positions();
        int[] members = new int[centres.length * patchSize];
        NearestNeighbours nearest = new NearestNeighbours(patchSize);
        for (int c = 0; c < centres.length; c++) {
            int centre = centres[c];
            int base = c * patchSize;
            nearest.find(p, n, p[3 * centre], p[3 * centre + 1], p[3 * centre + 2], members, base);
            if (members[base] != centre) { // a duplicate point at distance 0 may precede the centre
                for (int k = 1; k < patchSize; k++) {
                    if (members[base + k] == centre) {
                        members[base + k] = members[base];
                        members[base] = centre;
                        break;
                    }
                }
            }
        }
        return new Patches(cloud, centres.clone(), members, patchSize);
    }
}
