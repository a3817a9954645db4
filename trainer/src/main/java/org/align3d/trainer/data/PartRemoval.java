package org.align3d.trainer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.align3d.mesh.Mesh;
import org.align3d.sampling.SurfaceSampler;

/** Takes a labelled part out of a triangle mesh, as if the asset had been modelled without it. */
final class PartRemoval {

    private PartRemoval() {}

    /**
     * The parts of {@code mesh} named in {@code allowed} whose triangles cover less than {@code maxShare} of its
     * surface, by index into its part names.
     */
    static List<Integer> removableParts(Mesh mesh, Set<String> allowed, double maxShare) {
        double[] area = new double[mesh.partNames().size()];
        double total = 0;
        int[] t = mesh.triangles();
        for (int f = 0; f < mesh.faceCount(); f++) {
            double a = SurfaceSampler.doubleArea(mesh.positions(), t[3 * f], t[3 * f + 1], t[3 * f + 2]);
            area[mesh.faceParts()[f]] += a;
            total += a;
        }
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < area.length; p++) {
            if (allowed.contains(mesh.partNames().get(p)) && area[p] > 0 && area[p] < maxShare * total) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * {@code mesh} without the triangles of part {@code part} and without the vertices only they used, so that the
     * rest is centred and scaled on its own, as a mesh modelled without the part would be.
     */
    static Mesh without(Mesh mesh, int part) {
        int[] t = mesh.triangles();
        int[] newIndex = new int[mesh.vertexCount()];
        Arrays.fill(newIndex, -1);
        int vertices = 0;
        int faces = 0;
        int[] triangles = new int[t.length];
        int[] faceParts = new int[mesh.faceCount()];
        for (int f = 0; f < mesh.faceCount(); f++) {
            if (mesh.faceParts()[f] == part) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                int v = t[3 * f + k];
                if (newIndex[v] < 0) {
                    newIndex[v] = vertices++;
                }
                triangles[3 * faces + k] = newIndex[v];
            }
            faceParts[faces++] = mesh.faceParts()[f];
        }
        float[] positions = new float[3 * vertices];
        for (int v = 0; v < newIndex.length; v++) {
            if (newIndex[v] >= 0) {
                System.arraycopy(mesh.positions(), 3 * v, positions, 3 * newIndex[v], 3);
            }
        }
        return Mesh.of(mesh.source(), positions, Arrays.copyOf(triangles, 3 * faces), Arrays.copyOf(faceParts, faces),
            mesh.partNames(), mesh.upAxis());
    }
}
