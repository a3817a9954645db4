package org.align3d.synth.category;

import org.align3d.synth.ShapeBuilder;

/**
 * The body plan the four-legged animals share: an ellipsoid body on four legs, a neck rising from the shoulders
 * at an angle and a head at its end. +Z is forward, +Y up, the feet stand on y = 0. Species add their own parts
 * (horns, trunk, mane, tail) at the anchors this records.
 *
 * @param bodyY     height of the body's centre
 * @param length    body length (along Z)
 * @param radius    body half-height
 * @param width     body half-width
 * @param headY     height of the head's centre
 * @param headZ     Z of the head's centre
 * @param head      head half-size (its half-height and half-width)
 * @param headLength head half-length, along Z
 */
record QuadrupedBody(double bodyY, double length, double radius, double width, double headY, double headZ,
                     double head, double headLength) {

    /**
     * Builds body ("body"), legs ("leg"), neck ("neck", skipped when {@code neckLength} is 0) and head ("head").
     *
     * @param neckAngle radians above the horizontal, negative for a lowered neck
     */
    static QuadrupedBody build(ShapeBuilder s, double length, double radius, double width, double legLength,
                               double legRadius, double neckLength, double neckAngle, double neckRadius, double head,
                               double headLength) {
        double y = legLength + radius * 0.7;
        s.part("body").sphere(0, y, 0, width, radius, length / 2);
        s.part("leg");
        for (int i = 0; i < 4; i++) {
            double x = (i % 2 == 0 ? -1 : 1) * width * 0.6;
            double z = (i < 2 ? 1 : -1) * length * 0.34;
            s.cylinder(x, 0, z, legRadius, y - radius * 0.3);
        }
        double ny = y + radius * 0.45, nz = length * 0.4;
        double ey = ny + neckLength * Math.sin(neckAngle), ez = nz + neckLength * Math.cos(neckAngle);
        if (neckLength > 0) {
            s.part("neck").rod(0, ny, nz, 0, ey, ez, neckRadius);
        }
        double hy = ey + head * 0.3, hz = ez + headLength * 0.6;
        s.part("head").sphere(0, hy, hz, head, head, headLength);
        return new QuadrupedBody(y, length, radius, width, hy, hz, head, headLength);
    }

    /** Z of the body's rear end. */
    double rearZ() {
        return -length / 2;
    }

    /** Z of the head's front end. */
    double muzzleZ() {
        return headZ + headLength;
    }
}
