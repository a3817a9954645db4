package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/** Beds: single or double, with or without headboard and footboard. */
final class Bed extends Category {

    Bed() {
        super("bed", List.of("bed", "bedstead", "bed frame", "daybed"),
                Attribute.of("size", adjective("single", "single", "narrow"), adjective("double", "double", "wide")),
                Attribute.presence("headboard", "a headboard", null),
                Attribute.presence("footboard", "a footboard", null));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double w = d.pick("size", "double", 1.6, 0.95), len = d.vary(2.05), h = d.vary(0.35);
        s.part("frame").box(0, h / 2 + 0.05, 0, w, h - 0.1, len);
        s.part("mattress").box(0, h + 0.1, 0, w - 0.04, 0.2, len - 0.04);
        s.part("pillow").box(0, h + 0.25, -len / 2 + 0.25, w * 0.7, 0.1, 0.35);
        s.part("leg");
        for (int i = 0; i < 4; i++) {
            s.box((i % 2 == 0 ? -1 : 1) * (w / 2 - 0.04), 0.05, (i < 2 ? -1 : 1) * (len / 2 - 0.04), 0.07, 0.1, 0.07);
        }
        if (d.has("headboard")) {
            s.part("headboard").box(0, d.vary(0.55), -len / 2 - 0.03, w, d.vary(1.0), 0.06);
        }
        if (d.has("footboard")) {
            s.part("footboard").box(0, 0.3, len / 2 + 0.03, w, 0.55, 0.06);
        }
    }
}
