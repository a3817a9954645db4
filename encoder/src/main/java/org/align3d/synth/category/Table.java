package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import java.util.Map;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/**
 * Tables: round, square or rectangular top, three or four legs, tall or low (a coffee table). About a third stand on
 * one pedestal whose feet are the legs.
 */
final class Table extends Category {

    Table() {
        super("table", List.of("table", "dining table", "kitchen table"),
                Attribute.of("top", phrase("round", "a round top").orAdjective("round"),
                        phrase("square", "a square top").orAdjective("square"),
                        phrase("rectangular", "a rectangular top").orAdjective("rectangular")),
                Attribute.count("legs", "legs", "legged", 3, 4),
                Attribute.of("height", adjective("tall", "tall", "high"), adjective("low", "low")));
    }

    @Override
    public String subtype(Map<String, String> values) {
        return values.get("height").equals("low") ? "coffee table" : null;
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double h = d.pick("height", "tall", 0.75, 0.42);
        double size = d.vary(0.9);
        double sx = d.is("top", "rectangular") ? size * 1.6 : size, sz = size;
        s.part("top");
        if (d.is("top", "round")) {
            s.cylinder(0, h - 0.04, 0, size / 2, 0.04);
        } else {
            s.box(0, h - 0.02, 0, sx, 0.04, sz);
        }
        int legs = d.count("legs");
        if (d.chance(0.3)) { // a pedestal table: one column on splayed feet, as cafe and dining tables stand
            double column = d.vary(0.06), reach = Math.min(sx, sz) * d.vary(0.35);
            s.part("pedestal").cylinder(0, 0.06, 0, column, h - 0.1);
            s.part("leg");
            for (int i = 0; i < legs; i++) {
                double a = 2 * Math.PI * i / legs + Math.PI / 4;
                s.rod(0, 0.1, 0, Math.cos(a) * reach, 0.02, Math.sin(a) * reach, 0.04, 0.02);
            }
            return;
        }
        s.part("leg");
        double r = d.vary(0.025);
        for (int i = 0; i < legs; i++) {
            double a = 2 * Math.PI * i / legs + (legs == 4 ? Math.PI / 4 : Math.PI / 2);
            double x = Math.cos(a) * (sx / 2 - 0.06) * (d.is("top", "round") ? 1 : Math.sqrt(2)) * 0.8;
            double z = Math.sin(a) * (sz / 2 - 0.06) * (d.is("top", "round") ? 1 : Math.sqrt(2)) * 0.8;
            s.cylinder(x, 0, z, r, h - 0.04);
        }
    }
}
