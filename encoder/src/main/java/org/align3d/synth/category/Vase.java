package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Vases: round, cylindrical or flared, with two handles or none, tall or short. */
final class Vase extends Category {

    Vase() {
        super("vase", List.of("vase"),
                Attribute.of("shape", adjective("round", "round", "bulbous"), adjective("cylinder", "cylindrical"),
                        adjective("flared", "flared", "trumpet-shaped")),
                Attribute.count("handles", "handles", "handled", 0, 2),
                Attribute.of("height", adjective("tall", "tall"), adjective("short", "short")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double h = d.pick("height", "tall", 0.45, 0.2), r = d.vary(0.08);
        s.part("body");
        switch (d.get("shape")) {
            case "round" -> {
                s.sphere(0, h * 0.4, 0, r * 1.4, h * 0.4, r * 1.4);
                s.part("neck").frustum(Pose.at(0, h * 0.75, 0), r * 0.5, r * 0.7, h * 0.25);
            }
            case "cylinder" -> s.cylinder(0, 0, 0, r, h);
            default -> s.frustum(Pose.ORIGIN, r * 0.6, r * 1.5, h);
        }
        if (d.count("handles") == 2) {
            s.part("handle");
            for (int side = -1; side <= 1; side += 2) {
                s.torus(Pose.at(side * r * 1.3, h * 0.6, 0).rotX(Math.PI / 2), h * 0.12, 0.008);
            }
        }
    }
}
