package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Hammers: a claw or ball-peen head, a long or short handle, with or without a rubber grip. */
final class Hammer extends Category {

    Hammer() {
        super("hammer", List.of("hammer"),
                Attribute.of("head", phrase("claw", "a claw head").orAdjective("claw"),
                        phrase("ball", "a ball-peen head").orAdjective("ball-peen")),
                Attribute.of("handle", phrase("long", "a long handle"), phrase("short", "a short handle")),
                Attribute.presence("grip", "a rubber grip", null));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double len = d.pick("handle", "long", 0.4, 0.25);
        s.part("handle").box(0, len / 2, 0, 0.03, len, 0.022);
        if (d.has("grip")) {
            s.part("grip").box(0, len * 0.2, 0, 0.038, len * 0.35, 0.03);
        }
        s.part("head").box(0, len + 0.015, 0.02, 0.035, 0.035, 0.1);
        s.part("face").cylinder(0, len + 0.015, 0.07, 0.02, 0.001).box(Pose.at(0, len + 0.015, 0.08), 0.04, 0.04, 0.03);
        s.part("peen");
        if (d.is("head", "claw")) {
            s.box(Pose.at(0, len + 0.0, -0.06).rotX(-0.5), 0.03, 0.012, 0.08);
        } else {
            s.sphere(0, len + 0.015, -0.05, 0.022, 0.022, 0.022);
        }
    }
}
