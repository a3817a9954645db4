package org.align3d.ers.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.tests.util.LuceneTestCase;

public class TestHierarchicalKMeans extends LuceneTestCase {

  public void testLeavesAreBoundedAndCoverEveryVectorOnce() throws IOException {
    int leafSize = 20 + random().nextInt(40);
    VectorSet vectors = VectorSet.of(gaussians(random(), 3000, 8, 15), 8);
    ClusterTree tree = new HierarchicalKMeans(leafSize, 2 + random().nextInt(10), random().nextLong()).build(vectors, null);
    assertPartition(tree, 3000, leafSize);
    assertTrue("the hierarchy has inner levels", tree.innerCount() > 1);
  }

  public void testIdenticalVectorsStillSplitIntoBoundedLeaves() throws IOException {
    List<float[]> same = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      same.add(new float[] {1, 2, 3});
    }
    ClusterTree tree = new HierarchicalKMeans(16, 4, 7).build(VectorSet.of(same, 3), null);
    assertPartition(tree, 1000, 16);
  }

  public void testSeedsFromAnEarlierTreeGiveAValidTree() throws IOException {
    Random random = random();
    List<float[]> data = gaussians(random, 4000, 8, 20);
    HierarchicalKMeans kMeans = new HierarchicalKMeans(32, 8, 1);
    ClusterTree first = kMeans.build(VectorSet.of(data.subList(0, 2500), 8), null);
    SeedTree seeds = seedsOf(first, first.root());
    ClusterTree second = kMeans.build(VectorSet.of(data, 8), seeds);
    assertPartition(second, 4000, 32);
  }

  public void testNavigationGraphLinksNearestLeaves() throws IOException {
    ClusterTree tree = new HierarchicalKMeans(25, 6, 3).build(VectorSet.of(gaussians(random(), 1500, 6, 10), 6), null);
    NavigationGraph graph = NavigationGraph.build(tree, 5);
    for (int leaf = 0; leaf < tree.leafCount(); leaf++) {
      float previous = 0;
      for (int i = 0; i < 5; i++) {
        int n = graph.neighbor(leaf, i);
        assertTrue(n != leaf && n >= 0);
        float d = org.apache.lucene.util.VectorUtil.squareDistance(tree.centroids()[leaf], tree.centroids()[n]);
        assertTrue("neighbours nearest first", d >= previous);
        previous = d;
      }
    }
  }

  public void testSpillsAreBoundaryVectorsWithinCapacity() throws IOException {
    List<float[]> data = gaussians(random(), 2000, 6, 10);
    VectorSet vectors = VectorSet.of(data, 6);
    ClusterTree tree = new HierarchicalKMeans(30, 6, 5).build(vectors, null);
    NavigationGraph graph = NavigationGraph.build(tree, 6);
    int[][] spilled = SoarSpill.spill(vectors, tree, graph, 1.5f, 30);
    int total = 0;
    int[] ownLeaf = new int[2000];
    for (int leaf = 0; leaf < tree.leafCount(); leaf++) {
      for (int ord : tree.members()[leaf]) {
        ownLeaf[ord] = leaf;
      }
    }
    for (int leaf = 0; leaf < spilled.length; leaf++) {
      assertTrue(spilled[leaf].length <= 30);
      for (int ord : spilled[leaf]) {
        assertNotEquals(ownLeaf[ord], leaf);
        float own = org.apache.lucene.util.VectorUtil.squareDistance(data.get(ord), tree.centroids()[ownLeaf[ord]]);
        float other = org.apache.lucene.util.VectorUtil.squareDistance(data.get(ord), tree.centroids()[leaf]);
        assertTrue(other <= 1.5f * own + 1e-4f);
        total++;
      }
    }
    assertTrue("some vectors spill", total > 0);
    assertTrue("not every vector spills", total < 2000);
    int[][] none = SoarSpill.spill(vectors, tree, graph, 1f, 30);
    assertEquals(0, Arrays.stream(none).mapToInt(a -> a.length).sum());
  }

  private static void assertPartition(ClusterTree tree, int n, int leafSize) {
    int[] seen = new int[n];
    for (int[] members : tree.members()) {
      assertTrue("leaf of " + members.length + " > " + leafSize, members.length <= leafSize && members.length > 0);
      for (int ord : members) {
        seen[ord]++;
      }
    }
    for (int ord = 0; ord < n; ord++) {
      assertEquals("vector " + ord, 1, seen[ord]);
    }
    for (int i = 0; i < tree.innerCount(); i++) {
      for (int child : tree.children()[i]) {
        assertTrue(child < tree.leafCount() + i);
      }
    }
  }

  private static SeedTree seedsOf(ClusterTree tree, int node) {
    if (node < tree.leafCount()) {
      return null;
    }
    int[] kids = tree.children()[node - tree.leafCount()];
    float[][] c = new float[kids.length][];
    SeedTree[] sub = new SeedTree[kids.length];
    for (int i = 0; i < kids.length; i++) {
      c[i] = tree.centroids()[kids[i]];
      sub[i] = seedsOf(tree, kids[i]);
    }
    return new SeedTree(c, sub);
  }

  static List<float[]> gaussians(Random random, int n, int dims, int clusters) {
    float[][] centres = new float[clusters][dims];
    for (float[] c : centres) {
      for (int d = 0; d < dims; d++) {
        c[d] = (float) random.nextGaussian() * 3;
      }
    }
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] c = centres[random.nextInt(clusters)];
      float[] v = new float[dims];
      for (int d = 0; d < dims; d++) {
        v[d] = c[d] + (float) random.nextGaussian();
      }
      out.add(v);
    }
    return out;
  }
}
