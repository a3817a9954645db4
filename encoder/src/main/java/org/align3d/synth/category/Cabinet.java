package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/** Cabinets: one or two doors, knob or bar handles, standing on legs or not. */
final class Cabinet extends Category {

    Cabinet() {
        super("cabinet", List.of("cabinet", "cupboard", "closet", "sideboard", "locker"),
                Attribute.count("doors", "doors", "door", 1, 2),
                Attribute.of("handles", phrase("knob", "round knobs"), phrase("bar", "bar handles")),
                Attribute.presence("legs", "legs", null));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double w = d.vary(0.8), h = d.vary(1.0), depth = d.vary(0.45);
        double lift = d.has("legs") ? 0.15 : 0;
        s.part("body").box(0, lift + h / 2, 0, w, h, depth);
        int doors = d.count("doors");
        double doorW = w / doors;
        for (int i = 0; i < doors; i++) {
            double x = -w / 2 + doorW * (i + 0.5);
            s.part("door").box(x, lift + h / 2, depth / 2 + 0.01, doorW - 0.01, h - 0.04, 0.02);
            double hx = doors == 1 ? x + doorW * 0.35 : x + (i == 0 ? 1 : -1) * doorW * 0.35;
            s.part("handle");
            if (d.is("handles", "knob")) {
                s.sphere(hx, lift + h / 2, depth / 2 + 0.04, 0.02, 0.02, 0.02);
            } else {
                s.box(hx, lift + h / 2, depth / 2 + 0.035, 0.02, 0.2, 0.02);
            }
        }
        if (d.has("legs")) {
            s.part("leg");
            for (int i = 0; i < 4; i++) {
                s.cylinder((i % 2 == 0 ? -1 : 1) * (w / 2 - 0.04), 0, (i < 2 ? -1 : 1) * (depth / 2 - 0.04), 0.02, lift);
            }
        }
    }
}
