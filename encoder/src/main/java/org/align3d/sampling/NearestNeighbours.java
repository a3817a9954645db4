package org.align3d.sampling;

/**
 * The exact k nearest points of a cloud to a query point, by one linear scan with a bounded max-heap; equal
 * distances are ordered by index, so the result never depends on heap history. Holds its heap between calls:
 * one instance per thread.
 */
final class NearestNeighbours {

    private final int k;
    private final float[] heapDist;
    private final int[] heapIndex;

    NearestNeighbours(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
        this.heapDist = new float[k];
        this.heapIndex = new int[k];
    }

    /**
     * Writes into {@code out[offset .. offset + k)} the indices of the {@code k} points among the first {@code n} of
     * {@code p} (x, y, z each) nearest to (x, y, z), by increasing distance, ties by lower index; {@code n >= k}.
     */
    void find(float[] p, int n, float x, float y, float z, int[] out, int offset) {
        // a max-heap of the k nearest so far: its root is the one to evict
        int size = 0;
        for (int i = 0; i < n; i++) {
            float dx = p[3 * i] - x, dy = p[3 * i + 1] - y, dz = p[3 * i + 2] - z;
            float d = dx * dx + dy * dy + dz * dz;
            if (size < k) {
                siftUp(size++, d, i);
            } else if (d < heapDist[0]) {
                siftDown(size, d, i);
            }
        }
        // pop in decreasing distance, filling from the back
        for (int j = k - 1; j >= 0; j--) {
            out[offset + j] = heapIndex[0];
            size--;
            siftDown(size, heapDist[size], heapIndex[size]);
        }
    }

    /** Orders by distance, then index. */
    private static boolean after(float da, int ia, float db, int ib) {
        return da > db || (da == db && ia > ib);
    }

    private void siftUp(int at, float d, int i) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!after(d, i, heapDist[parent], heapIndex[parent])) {
                break;
            }
            heapDist[at] = heapDist[parent];
            heapIndex[at] = heapIndex[parent];
            at = parent;
        }
        heapDist[at] = d;
        heapIndex[at] = i;
    }

    /** Replaces the root with (d, i) and restores the heap over the first {@code size} entries. */
    private void siftDown(int size, float d, int i) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && after(heapDist[child + 1], heapIndex[child + 1], heapDist[child], heapIndex[child])) {
                child++;
            }
            if (!after(heapDist[child], heapIndex[child], d, i)) {
                break;
            }
            heapDist[at] = heapDist[child];
            heapIndex[at] = heapIndex[child];
            at = child;
        }
        if (size > 0) {
            heapDist[at] = d;
            heapIndex[at] = i;
        }
    }
}
