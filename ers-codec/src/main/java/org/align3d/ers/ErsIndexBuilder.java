package org.align3d.ers;

import java.io.IOException;
import org.align3d.ers.cluster.ClusterTree;
import org.align3d.ers.cluster.HierarchicalKMeans;
import org.align3d.ers.cluster.NavigationGraph;
import org.align3d.ers.cluster.SeedTree;
import org.align3d.ers.cluster.SoarSpill;
import org.align3d.ers.cluster.VectorSet;

/** Turns one field's vectors into the ERS structure: the cluster tree, the navigation graph, the spills. */
final class ErsIndexBuilder {
  /** Fixed so that the same vectors always give the same segment files. */
  private static final long CLUSTERING_SEED = 0x3D_A119_5EEDL;

  /**
   * @param tree the hierarchy, with each vector's own leaf
   * @param graph nearest leaves of each leaf
   * @param spilled per leaf, the ordinals of other leaves' vectors copied into it
   */
  record Structure(ClusterTree tree, NavigationGraph graph, int[][] spilled) {}

  private ErsIndexBuilder() {}

  /**
   * @param vectors the field's vectors, already unit length for COSINE
   * @param seeds centroids of an earlier segment of the same field, or null
   */
  static Structure build(VectorSet vectors, ErsParameters parameters, SeedTree seeds) throws IOException {
    ClusterTree tree =
        new HierarchicalKMeans(parameters.leafSize(), parameters.branching(), CLUSTERING_SEED).build(vectors, seeds);
    NavigationGraph graph = NavigationGraph.build(tree, parameters.graphDegree());
    int[][] spilled = SoarSpill.spill(vectors, tree, graph, parameters.spillRatio(), parameters.spillCapacity());
    return new Structure(tree, graph, spilled);
  }
}
