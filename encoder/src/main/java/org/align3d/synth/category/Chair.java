package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import java.util.Map;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Chairs: four legs or a five-star office base, with or without armrests, a tall or low back. */
final class Chair extends Category {

    Chair() {
        super("chair", List.of("chair", "dining chair", "side chair", "kitchen chair"),
                Attribute.of("base", phrase("legs", "four legs").orAdjective("four-legged"),
                        phrase("star", "a five-star base", "a swivel base")),
                Attribute.presence("armrests", "armrests", "armless"),
                Attribute.of("back", phrase("tall", "a tall back", "a high back"), phrase("low", "a low back")));
    }

    @Override
    public String subtype(Map<String, String> values) {
        return values.get("base").equals("star") ? "office chair" : null;
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double w = d.vary(0.48), depth = d.vary(0.46), seatY = d.vary(0.45), t = 0.05;
        s.part("seat").box(0, seatY, 0, w, t, depth);
        double backH = d.pick("back", "tall", 0.6, 0.28);
        s.part("back").box(0, seatY + t / 2 + backH / 2, -depth / 2 + 0.025, w, backH, 0.04);
        if (d.is("base", "legs")) {
            s.part("leg");
            double r = d.vary(0.02);
            for (int i = 0; i < 4; i++) {
                double x = (i % 2 == 0 ? -1 : 1) * (w / 2 - 0.03), z = (i < 2 ? -1 : 1) * (depth / 2 - 0.03);
                s.cylinder(x, 0, z, r, seatY - t / 2);
            }
        } else {
            s.part("column").cylinder(0, 0.08, 0, 0.03, seatY - t / 2 - 0.08);
            s.part("base").star(Pose.at(0, 0.04, 0), 5, 0.18, d.vary(0.32), 0.04);
            s.part("caster");
            for (int i = 0; i < 5; i++) {
                double a = 2 * Math.PI * i / 5;
                s.sphere(0.3 * Math.cos(a), 0.03, 0.3 * Math.sin(a), 0.03, 0.03, 0.03);
            }
        }
        if (d.has("armrests")) {
            s.part("armrest");
            for (int side = -1; side <= 1; side += 2) {
                s.box(side * (w / 2 + 0.02), seatY + 0.22, 0, 0.05, 0.04, depth * 0.8);
                s.box(side * (w / 2 + 0.02), seatY + 0.11, 0.05, 0.03, 0.2, 0.03);
            }
        }
    }
}
