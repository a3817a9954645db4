package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Barrels: a bulging body upright or on its side, two or four hoops, with or without a tap. */
final class Barrel extends Category {

    Barrel() {
        super("barrel", List.of("barrel", "cask", "keg", "wooden barrel", "wine barrel"),
                Attribute.of("pose", adjective("upright", "upright", "standing"),
                        adjective("horizontal", "horizontal", "sideways")),
                Attribute.count("hoops", "hoops", "hooped", 2, 4),
                Attribute.presence("tap", "a tap", null));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double h = d.vary(0.9), r = d.vary(0.32), end = r * 0.82;
        boolean lying = d.is("pose", "horizontal");
        // lying barrels rest on their bulge, axis along z
        Pose axis = lying ? Pose.at(0, r, -h / 2).rotX(Math.PI / 2) : Pose.ORIGIN;
        double[] heights = {0, h * 0.2, h * 0.5, h * 0.8, h};
        double[] radii = {end, r * 0.95, r, r * 0.95, end};
        s.part("body").lathe(axis, heights, radii);
        s.part("hoop");
        int hoops = d.count("hoops");
        double[] at = hoops == 2 ? new double[] {0.15, 0.85} : new double[] {0.1, 0.35, 0.65, 0.9};
        for (double f : at) {
            s.torus(axis.shift(0, h * f, 0), ShapeBuilder.radiusAt(heights, radii, h * f) + 0.004, 0.012);
        }
        if (d.has("tap")) {
            Pose tap = lying ? Pose.at(0, r * 0.5, h / 2 - 0.01)
                    : Pose.at(0, h * 0.15, ShapeBuilder.radiusAt(heights, radii, h * 0.15) - 0.01);
            s.part("tap").frustum(tap.rotX(Math.PI / 2), 0.02, 0.015, 0.08);
        }
    }
}
