package org.align3d.ers;

import java.io.IOException;
import org.align3d.ers.cluster.SeedTree;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * The part of a field's ERS index that search keeps on the heap: node centroids, the tree, leaf sizes and
 * postings offsets, and the navigation graph. Everything is validated while it is read, so a damaged
 * index cannot send a search out of bounds or into a cycle.
 */
final class ErsFieldIndex {
  final FieldMeta meta;
  final float[][] centroids;
  final int[][] children;
  final float[] spread;
  final int[] leafSizes;
  final long[] leafOffsets; // absolute positions in .ersp, leafCount + 1 entries
  final int[] graph;
  final int codeBytes;

  private ErsFieldIndex(
      FieldMeta meta, float[][] centroids, int[][] children, float[] spread, int[] leafSizes, long[] leafOffsets, int[] graph, int codeBytes) {
    this.meta = meta;
    this.centroids = centroids;
    this.children = children;
    this.spread = spread;
    this.leafSizes = leafSizes;
    this.leafOffsets = leafOffsets;
    this.graph = graph;
    this.codeBytes = codeBytes;
  }

  static int entryBytes(int codeBytes) {
    return Integer.BYTES + 3 * Float.BYTES + Integer.BYTES + codeBytes;
  }

  static ErsFieldIndex read(FieldMeta meta, IndexInput in) throws IOException {
    int leaves = meta.leafCount();
    int nodes = meta.nodeCount();
    int dim = meta.dimension();
    in.seek(meta.indexOffset());
    float[][] centroids = new float[nodes][dim];
    for (float[] c : centroids) {
      in.readFloats(c, 0, dim);
    }
    int[][] children = new int[meta.innerCount()][];
    int[] parents = new int[nodes];
    for (int i = 0; i < children.length; i++) {
      int node = leaves + i;
      int count = FieldMeta.checked(in, "child count", in.readVInt(), 1, Math.min(node, ErsParameters.MAX_BRANCHING));
      children[i] = new int[count];
      for (int c = 0; c < count; c++) {
        int child = FieldMeta.checked(in, "child of node " + node, in.readVInt(), 0, node - 1);
        if (parents[child]++ != 0) {
          throw new CorruptIndexException("node " + child + " has two parents", in);
        }
        children[i][c] = child;
      }
    }
    for (int n = 0; n < nodes - 1; n++) {
      if (parents[n] != 1) {
        throw new CorruptIndexException("node " + n + " is not reachable from the root", in);
      }
    }
    float[] spread = new float[meta.innerCount()];
    in.readFloats(spread, 0, spread.length);
    int codeBytes = org.align3d.ers.quant.LeafQuantizer.codeBytes(dim, meta.bits());
    int[] leafSizes = new int[leaves];
    long[] offsets = new long[leaves + 1];
    offsets[0] = meta.postingsOffset();
    long entries = 0;
    for (int l = 0; l < leaves; l++) {
      // Own vectors plus at most as many spilled copies: never more than twice the vectors.
      leafSizes[l] = FieldMeta.checked(in, "size of leaf " + l, in.readVInt(), 0, 2 * meta.vectorCount());
      entries += leafSizes[l];
      offsets[l + 1] = offsets[l] + (long) leafSizes[l] * entryBytes(codeBytes);
    }
    if (entries < meta.vectorCount() || entries > 2L * meta.vectorCount()) {
      throw new CorruptIndexException("leaves hold " + entries + " entries for " + meta.vectorCount() + " vectors", in);
    }
    if (offsets[leaves] - meta.postingsOffset() != meta.postingsLength()) {
      throw new CorruptIndexException(
          "leaf sizes add up to " + (offsets[leaves] - meta.postingsOffset()) + " postings bytes, the file has " + meta.postingsLength(), in);
    }
    int degree = meta.graphDegree();
    int[] graph = new int[leaves * degree];
    for (int i = 0; i < graph.length; i++) {
      graph[i] = FieldMeta.checked(in, "graph link", in.readVInt(), 0, leaves) - 1;
    }
    if (in.getFilePointer() != meta.indexOffset() + meta.indexLength()) {
      throw new CorruptIndexException(
          "index block of field " + meta.fieldNumber() + " ends at " + in.getFilePointer() + ", expected "
              + (meta.indexOffset() + meta.indexLength()), in);
    }
    return new ErsFieldIndex(meta, centroids, children, spread, leafSizes, offsets, graph, codeBytes);
  }

  int root() {
    return centroids.length - 1;
  }

  int leafCount() {
    return leafSizes.length;
  }

  /** The hierarchy's centroids below the root, as k-means seeds for a merge. */
  SeedTree seeds() {
    return seedsOf(root());
  }

  private SeedTree seedsOf(int node) {
    if (node < leafCount()) {
      return null;
    }
    int[] kids = children[node - leafCount()];
    float[][] c = new float[kids.length][];
    SeedTree[] sub = new SeedTree[kids.length];
    for (int i = 0; i < kids.length; i++) {
      c[i] = centroids[kids[i]];
      sub[i] = seedsOf(kids[i]);
    }
    return new SeedTree(c, sub);
  }

  long ramBytesUsed() {
    long dim = meta.dimension();
    return (long) centroids.length * (dim * Float.BYTES + RamUsageEstimator.NUM_BYTES_ARRAY_HEADER + Float.BYTES)
        + (long) leafSizes.length * (Integer.BYTES + Long.BYTES)
        + (long) graph.length * Integer.BYTES
        + (long) children.length * RamUsageEstimator.NUM_BYTES_ARRAY_HEADER
        + (long) centroids.length * Integer.BYTES; // child links: one per non-root node
  }
}
