package org.align3d.sampling;

import org.align3d.mesh.UpAxis;

/**
 * How a shape was moved into the unit sphere, and what it measured before: the metadata normalization must
 * not lose, because queries name sizes ("a tall vase", "a wide sofa").
 *
 * @param centre the centre of the axis-aligned bounding box, in file coordinates
 * @param radius the distance from the centre to the farthest vertex, in file units; normalized coordinates are
 *               (file coordinates - centre) / radius, rotated so +Y is up
 * @param width  extent along X, in file units
 * @param height extent along the up axis, in file units
 * @param depth  extent along the remaining axis, in file units
 * @param upAxis the up axis assumed for the file (see {@code MeshFormat#assumedUpAxis})
 */
public record ShapeFrame(double[] centre, double radius, double width, double height, double depth, UpAxis upAxis) {

    /** Height over the larger horizontal extent: above 1 the shape is tall, below 1 flat or wide. */
    public double aspect() {
        double horizontal = Math.max(width, depth);
        return horizontal > 0 ? height / horizontal : Double.POSITIVE_INFINITY;
    }
}
