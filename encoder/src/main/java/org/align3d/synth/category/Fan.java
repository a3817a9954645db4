package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Fans: three to five blades, on a tall floor stand or a short desk stand, with or without a guard. */
final class Fan extends Category {

    Fan() {
        super("fan", List.of("fan", "electric fan", "cooling fan", "room fan"),
                Attribute.count("blades", "blades", "bladed", 3, 4, 5),
                Attribute.of("stand", phrase("floor", "a tall stand"), phrase("desk", "a short stand")),
                Attribute.presence("guard", "a guard", null));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double h = d.pick("stand", "floor", 1.2, 0.3), r = d.vary(0.2);
        s.part("base").cylinder(0, 0, 0, d.vary(0.16), 0.04);
        s.part("pole").cylinder(0, 0.04, 0, 0.015, h);
        s.part("motor").frustum(Pose.at(0, h + 0.08, -0.12).rotX(Math.PI / 2), 0.07, 0.06, 0.14);
        s.part("blade");
        int blades = d.count("blades");
        for (int i = 0; i < blades; i++) {
            double a = 2 * Math.PI * i / blades;
            s.box(Pose.at(0, h + 0.08, 0.05).rotZ(a).shift(r / 2 + 0.02, 0, 0).rotX(0.3), r, 0.08, 0.01);
        }
        if (d.has("guard")) {
            s.part("guard").torus(Pose.at(0, h + 0.08, 0.05).rotX(Math.PI / 2), r + 0.05, 0.008);
            s.torus(Pose.at(0, h + 0.08, 0.1).rotX(Math.PI / 2), r * 0.5, 0.006);
        }
    }
}
