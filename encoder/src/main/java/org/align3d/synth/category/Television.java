package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/**
 * Flat-screen televisions and monitors: a wide or square screen, on a pedestal or on two feet, with or without a
 * soundbar.
 */
final class Television extends Category {

    Television() {
        super("television", List.of("television", "television set", "monitor", "computer monitor", "display"),
                Attribute.of("screen", adjective("wide", "widescreen", "wide"), adjective("square", "square", "boxy")),
                Attribute.of("stand", phrase("pedestal", "a pedestal stand", "a central stand"),
                        phrase("feet", "two feet", "splayed feet")),
                Attribute.presence("soundbar", "a soundbar", null));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        boolean wide = d.is("screen", "wide");
        double w = d.vary(wide ? 1.2 : 0.8), h = wide ? w * 9 / 16 : w * 0.78, depth = wide ? 0.05 : 0.14;
        double bottom = d.vary(0.12);
        boolean pedestal = d.is("stand", "pedestal");
        s.part("screen").box(0, bottom + h / 2, 0, w, h, depth);
        s.part("stand");
        if (pedestal) {
            s.box(0, bottom / 2 + 0.01, -0.02, 0.06, bottom + 0.02, 0.04);
            s.box(0, 0.01, 0, w * 0.35, 0.02, 0.25);
        } else {
            for (double x : new double[] {-w * 0.4, w * 0.4}) {
                s.box(Pose.at(x, bottom / 2 + 0.01, 0).rotX(0.15), 0.03, bottom + 0.04, 0.04);
                s.box(x, 0.01, 0, 0.06, 0.02, 0.22);
            }
        }
        if (d.has("soundbar")) {
            s.part("soundbar").box(0, 0.04, 0.17, w * 0.8, 0.07, 0.09);
        }
    }
}
