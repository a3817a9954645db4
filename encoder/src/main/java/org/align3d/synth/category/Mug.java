package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Mugs, hollow: with or without a handle, straight or tapered, tall or short. */
final class Mug extends Category {

    /** Wall thickness: a mug is hollow, as real ones are. */
    private static final double WALL = 0.005;

    Mug() {
        super("mug", List.of("mug", "cup", "coffee mug", "coffee cup", "tea mug"),
                Attribute.presence("handle", "a handle", "handleless"),
                Attribute.of("shape", adjective("straight", "straight-sided", "cylindrical"), adjective("tapered", "tapered")),
                Attribute.of("height", adjective("tall", "tall"), adjective("short", "short", "squat")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double h = d.pick("height", "tall", 0.13, 0.08), r = d.vary(0.04);
        double top = d.is("shape", "tapered") ? r * 1.35 : r;
        s.part("body").vessel(Pose.ORIGIN, new double[] {0, h}, new double[] {r, top}, WALL, true);
        s.part("rim").torus(Pose.at(0, h, 0), top - 0.004, 0.004);
        if (d.has("handle")) {
            s.part("handle").torus(Pose.at(r + 0.02, h / 2, 0).rotX(Math.PI / 2), h * 0.28, 0.007);
        }
    }
}
