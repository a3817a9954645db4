package org.align3d.encoder.model;

import org.align3d.encoder.haf.HafShape;
import org.align3d.sampling.ShapeFrame;

/**
 * An asset as align3d indexes it.
 *
 * @param shape        the global vector, patch vectors and part groups HAF scores (L2-normalised)
 * @param centres      patch centres in the normalised frame (unit sphere), x y z per patch
 * @param radii        each patch's radius in the normalised frame (distance from centre to its farthest point)
 * @param frame        how the normalised frame maps back to the file: centre, radius, and the original extent
 */
public record AssetEmbedding(HafShape shape, float[] centres, float[] radii, ShapeFrame frame) {

    /** The global vector, the one the ANN index stores. */
    public float[] vector() {
        return shape.global();
    }

    /** A patch centre in the file's own coordinates. */
    public double[] centreInFile(int patch) {
        double[] c = new double[3];
        for (int d = 0; d < 3; d++) {
            c[d] = frame.centre()[d] + centres[3 * patch + d] * frame.radius();
        }
        return c;
    }

    /** A patch radius in the file's own units. */
    public double radiusInFile(int patch) {
        return radii[patch] * frame.radius();
    }
}
