package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Boats: with or without a sail, with or without a cabin, long or short. */
final class Boat extends Category {

    Boat() {
        super("boat", List.of("boat", "vessel"),
                Attribute.presence("sail", "a mast and sail", null),
                Attribute.presence("cabin", "a cabin", null),
                Attribute.of("length", adjective("long", "long"), adjective("short", "short", "small")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double len = d.pick("length", "long", 12, 5), w = len * d.vary(0.3);
        // hull: a tapering prism, pointed at the bow (+Z)
        double[] xs = {w / 2, w / 2, 0, -w / 2, -w / 2};
        double[] zs = {-len / 2, len * 0.25, len / 2, len * 0.25, -len / 2};
        s.part("hull").extrude(Pose.ORIGIN, xs, zs, 0.75, 1, len * 0.12);
        if (d.has("cabin")) {
            s.part("cabin").box(0, len * 0.12 + len * 0.06, -len * 0.1, w * 0.6, len * 0.12, len * 0.3);
        }
        if (d.has("sail")) {
            double mastH = len * 1.1;
            s.part("mast").cylinder(0, len * 0.12, len * 0.1, 0.06 * len / 10, mastH);
            s.part("sail").extrude(Pose.at(0, len * 0.2, len * 0.1).rotZ(Math.PI / 2),
                    new double[] {0, 0, mastH * 0.85}, new double[] {0, -len * 0.45, 0}, 1, 1, 0.03);
        }
    }
}
