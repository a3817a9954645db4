package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Bottles: long or short neck, round or square body, with or without a cap; half modelled hollow, as glass. */
final class Bottle extends Category {

    /** Wall thickness of a bottle modelled as glass. */
    private static final double GLASS = 0.003;

    Bottle() {
        super("bottle", List.of("bottle", "water bottle", "glass bottle", "plastic bottle"),
                Attribute.of("neck", phrase("long", "a long neck"), phrase("short", "a short neck")),
                Attribute.of("body", phrase("round", "a round body"), phrase("square", "a square body")),
                Attribute.presence("cap", "a cap", "uncapped"));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double bodyH = d.vary(0.2), r = d.vary(0.045), neckH = d.pick("neck", "long", 0.1, 0.03);
        if (d.chance(0.5)) { // modelled as glass, hollow: an open tube from the body's cavity to the mouth
            s.part("body");
            if (d.is("body", "round")) {
                s.vessel(Pose.ORIGIN, new double[] {0, bodyH}, new double[] {r, r}, GLASS, true);
            } else {
                s.openPrism(Pose.ORIGIN, new double[] {r, -r, -r, r}, new double[] {r, r, -r, -r}, 1, 1, bodyH, GLASS);
            }
            s.part("shoulder").vessel(Pose.ORIGIN, new double[] {bodyH, bodyH + 0.04}, new double[] {r, 0.014}, GLASS, false);
            s.part("neck").vessel(Pose.ORIGIN, new double[] {bodyH + 0.04, bodyH + 0.04 + neckH}, new double[] {0.014, 0.014},
                GLASS, false);
        } else { // modelled solid
            s.part("body");
            if (d.is("body", "round")) {
                s.cylinder(0, 0, 0, r, bodyH);
            } else {
                s.box(0, bodyH / 2, 0, 2 * r, bodyH, 2 * r);
            }
            s.part("shoulder").frustum(Pose.at(0, bodyH, 0), r, 0.014, 0.04);
            s.part("neck").cylinder(0, bodyH + 0.04, 0, 0.014, neckH);
        }
        if (d.has("cap")) {
            s.part("cap").cylinder(0, bodyH + 0.04 + neckH, 0, 0.017, 0.02);
        }
    }
}
