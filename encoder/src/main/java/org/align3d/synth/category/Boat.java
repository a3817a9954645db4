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
        super("boat", List.of("boat", "vessel", "watercraft"),
                Attribute.presence("sail", "a mast and sail", null),
                Attribute.presence("cabin", "a cabin", null),
                Attribute.of("length", adjective("long", "long"), adjective("short", "short", "small")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double len = d.pick("length", "long", 12, 5), w = len * d.vary(0.3);
        // hull: a tapering prism with real freeboard, pointed at the bow (+Z), narrower at the keel
        double depth = len * 0.2;
        double[] xs = {w / 2, w / 2, 0, -w / 2, -w / 2};
        double[] zs = {-len / 2, len * 0.25, len / 2, len * 0.25, -len / 2};
        s.part("hull").extrude(Pose.ORIGIN, xs, zs, 0.55, 1, depth);
        if (d.has("cabin")) { // a deckhouse with a raised wheelhouse on top
            s.part("cabin").box(0, depth + len * 0.08, -len * 0.08, w * 0.7, len * 0.16, len * 0.4);
            s.box(0, depth + len * 0.2, -len * 0.14, w * 0.55, len * 0.08, len * 0.18);
        }
        if (d.has("sail")) {
            double mastH = len * 1.1;
            s.part("mast").cylinder(0, depth, len * 0.1, 0.06 * len / 10, mastH);
            s.part("sail").extrude(Pose.at(0, depth + len * 0.08, len * 0.1).rotZ(Math.PI / 2),
                    new double[] {0, 0, mastH * 0.85}, new double[] {0, -len * 0.45, 0}, 1, 1, 0.03);
        }
    }
}
