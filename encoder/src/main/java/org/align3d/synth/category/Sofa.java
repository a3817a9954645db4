package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/** Sofas: two or three seats, with or without armrests, high or low back. */
final class Sofa extends Category {

    Sofa() {
        super("sofa", List.of("sofa", "couch", "divan"),
                Attribute.count("seats", "seats", null, 2, 3),
                Attribute.presence("armrests", "armrests", "armless"),
                Attribute.of("back", phrase("high", "a high back"), phrase("low", "a low back")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        int seats = d.count("seats");
        double cushion = d.vary(0.6), depth = d.vary(0.85), w = seats * cushion;
        s.part("base").box(0, 0.22, 0, w, 0.3, depth);
        s.part("cushion");
        for (int i = 0; i < seats; i++) {
            s.box(-w / 2 + cushion * (i + 0.5), 0.43, 0.05, cushion - 0.02, 0.12, depth - 0.15);
        }
        double backH = d.pick("back", "high", 0.6, 0.3);
        s.part("back").box(0, 0.37 + backH / 2, -depth / 2 + 0.08, w, backH, 0.16);
        if (d.has("armrests")) {
            s.part("armrest").box(-w / 2 - 0.08, 0.33, 0, 0.16, 0.5, depth);
            s.box(w / 2 + 0.08, 0.33, 0, 0.16, 0.5, depth);
        }
        s.part("leg");
        for (int i = 0; i < 4; i++) {
            s.cylinder((i % 2 == 0 ? -1 : 1) * (w / 2 - 0.05), 0, (i < 2 ? -1 : 1) * (depth / 2 - 0.05), 0.025, 0.07);
        }
    }
}
