package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/**
 * Desks: drawers on no side, one side or both, with or without a hutch, wide or narrow; on four legs or (two in
 * five) on panel ends.
 */
final class Desk extends Category {

    Desk() {
        super("desk", List.of("desk", "writing desk", "office desk", "work desk", "computer desk"),
                Attribute.of("drawers", phrase("none", "no drawers"), phrase("one-side", "drawers on one side"),
                        phrase("both-sides", "drawers on both sides")),
                Attribute.presence("hutch", "a hutch", null),
                Attribute.of("width", adjective("wide", "wide"), adjective("narrow", "narrow", "compact")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double w = d.pick("width", "wide", 1.6, 0.9), depth = d.vary(0.6), h = d.vary(0.75);
        s.part("top").box(0, h - 0.02, 0, w, 0.04, depth);
        if (d.chance(0.4)) { // panel ends and a modesty panel at the back, as office desks stand
            s.part("panel");
            for (int side = -1; side <= 1; side += 2) {
                s.box(side * (w / 2 - 0.02), (h - 0.04) / 2, 0, 0.04, h - 0.04, depth - 0.02);
            }
            s.box(0, h * 0.6, -depth / 2 + 0.06, w - 0.08, h * 0.45, 0.02);
        } else {
            s.part("leg");
            for (int i = 0; i < 4; i++) {
                double x = (i % 2 == 0 ? -1 : 1) * (w / 2 - 0.04), z = (i < 2 ? -1 : 1) * (depth / 2 - 0.04);
                s.box(x, (h - 0.04) / 2, z, 0.04, h - 0.04, 0.04);
            }
        }
        int sides = d.is("drawers", "none") ? 0 : d.is("drawers", "one-side") ? 1 : 2;
        for (int i = 0; i < sides; i++) {
            double x = (i == 0 ? 1 : -1) * (w / 2 - 0.25);
            s.part("drawer");
            for (int k = 0; k < 3; k++) {
                s.box(x, 0.12 + k * 0.2, 0, 0.4, 0.18, depth - 0.06);
            }
        }
        if (d.has("hutch")) {
            s.part("hutch").box(0, h + 0.35, -depth / 2 + 0.12, w, 0.03, 0.24);
            s.box(-w / 2 + 0.015, h + 0.17, -depth / 2 + 0.12, 0.03, 0.34, 0.24);
            s.box(w / 2 - 0.015, h + 0.17, -depth / 2 + 0.12, 0.03, 0.34, 0.24);
        }
    }
}
