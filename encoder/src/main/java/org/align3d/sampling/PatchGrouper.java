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
        float[] heapDist = new float[patchSize];
        int[] heapIndex = new int[patchSize];
        for (int c = 0; c < centres.length; c++) {
            int centre = centres[c];
            float px = p[3 * centre], py = p[3 * centre + 1], pz = p[3 * centre + 2];
            // a max-heap of the k nearest so far: its root is the one to evict
            int size = 0;
            for (int i = 0; i < n; i++) {
                float dx = p[3 * i] - px, dy = p[3 * i + 1] - py, dz = p[3 * i + 2] - pz;
                float d = dx * dx + dy * dy + dz * dz;
                if (size < patchSize) {
                    siftUp(heapDist, heapIndex, size++, d, i);
                } else if (d < heapDist[0]) {
                    siftDown(heapDist, heapIndex, size, d, i);
                }
            }
            // pop in decreasing distance, filling the patch from the back
            int base = c * patchSize;
            for (int k = patchSize - 1; k >= 0; k--) {
                members[base + k] = heapIndex[0];
                size--;
                siftDown(heapDist, heapIndex, size, heapDist[size], heapIndex[size]);
            }
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

    /** Orders by distance, then index, so equal distances never make the result depend on heap history. */
    private static boolean after(float da, int ia, float db, int ib) {
        return da > db || (da == db && ia > ib);
    }

    private static void siftUp(float[] dist, int[] index, int at, float d, int i) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!after(d, i, dist[parent], index[parent])) {
                break;
            }
            dist[at] = dist[parent];
            index[at] = index[parent];
            at = parent;
        }
        dist[at] = d;
        index[at] = i;
    }

    /** Replaces the root with (d, i) and restores the heap over the first {@code size} entries. */
    private static void siftDown(float[] dist, int[] index, int size, float d, int i) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && after(dist[child + 1], index[child + 1], dist[child], index[child])) {
                child++;
            }
            if (!after(dist[child], index[child], d, i)) {
                break;
            }
            dist[at] = dist[child];
            index[at] = index[child];
            at = child;
        }
        if (size > 0) {
            dist[at] = d;
            index[at] = i;
        }
    }
}
