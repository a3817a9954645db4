package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/** Bridges: arched or flat, two or three piers, with or without railings. */
final class Bridge extends Category {

    Bridge() {
        super("bridge", List.of("bridge", "footbridge", "overpass"),
                Attribute.of("shape", adjective("arch", "arched"), adjective("flat", "flat")),
                Attribute.count("piers", "piers", null, 2, 3),
                Attribute.presence("railings", "railings", null));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double len = d.vary(40), w = d.vary(6), h = d.vary(8);
        s.part("deck").box(0, h, 0, len, 0.8, w);
        s.part("pier");
        int piers = d.count("piers");
        for (int i = 0; i < piers; i++) {
            double x = -len / 2 + len * (i + 0.5) / piers * 0.9 + len * 0.05;
            s.box(x, (h - 0.4) / 2, 0, 1.5, h - 0.4, w * 0.8);
        }
        if (d.is("shape", "arch")) {
            s.part("arch");
            int n = 12;
            for (int i = 0; i < n; i++) {
                double a0 = Math.PI * i / n, a1 = Math.PI * (i + 1) / n;
                double x0 = -Math.cos(a0) * len / 2, y0 = Math.sin(a0) * h * 0.9;
                double x1 = -Math.cos(a1) * len / 2, y1 = Math.sin(a1) * h * 0.9;
                for (int side = -1; side <= 1; side += 2) {
                    s.rod(x0, y0, side * w * 0.45, x1, y1, side * w * 0.45, 0.35);
                }
            }
        }
        if (d.has("railings")) {
            s.part("railing");
            for (int side = -1; side <= 1; side += 2) {
                s.box(0, h + 1.3, side * (w / 2 - 0.1), len, 0.1, 0.1);
                for (int k = 0; k <= 10; k++) {
                    s.box(-len / 2 + len * k / 10, h + 0.85, side * (w / 2 - 0.1), 0.1, 0.9, 0.1);
                }
            }
        }
    }
}
