package org.align3d.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.align3d.mesh.UpAxis;

/**
 * One line of a manifest, as {@link ManifestReader} returns it. Only {@code mesh} and {@code captions} are
 * required in the file; the rest is empty or null when absent.
 *
 * @param line              1-based line number in the manifest
 * @param id                the line's id, or the mesh path as written when the line has none
 * @param mesh              the mesh file, resolved against the manifest's directory
 * @param category          category name, or null
 * @param attributes        attribute values, possibly empty
 * @param captions          one or more descriptions, coarse to fine for generated data
 * @param captionTemplates  how each caption was phrased (generated data), or empty
 * @param partNames         part names in label order, or empty; a point's part label is the index here of the
 *                          name of the mesh part its triangle belongs to
 * @param split             the split, or null when the line assigns none
 * @param hardNegativeGroup the hard-negative group, or null
 * @param points            a pre-sampled point cloud (PLY), or null
 * @param upAxis            the mesh's up axis as the line declares it ({@code "up_axis": "z"}), or null for its
 *                          format's convention
 */
public record ManifestEntry(int line, String id, Path mesh, String category, Map<String, String> attributes,
                            List<String> captions, List<String> captionTemplates, List<String> partNames, Split split,
                            String hardNegativeGroup, Path points, UpAxis upAxis) {

    /**
     * The part label of each point of a cloud sampled from this entry's mesh, as an index into
     * {@link #partNames()}; -1 where the mesh part has no name in the manifest or the cloud has no parts.
     */
    public int[] partLabels(org.align3d.sampling.PointCloud cloud) {
        int[] out = new int[cloud.size()];
        java.util.Arrays.fill(out, -1);
        if (cloud.labels() == null) {
            return out;
        }
        int[] remap = new int[cloud.labelNames().size()];
        for (int i = 0; i < remap.length; i++) {
            remap[i] = partNames.indexOf(cloud.labelNames().get(i));
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = remap[cloud.labels()[i]];
        }
        return out;
    }
}
