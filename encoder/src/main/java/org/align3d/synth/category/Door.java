package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/** Doors: single or double, with or without a window, a round knob or a lever handle. */
final class Door extends Category {

    Door() {
        super("door", List.of("door", "front door", "entrance door", "interior door"),
                Attribute.of("leaves", adjective("single", "single"), adjective("double", "double")),
                Attribute.presence("window", "a window", "windowless"),
                Attribute.of("handle", phrase("knob", "a round knob", "a doorknob"), phrase("lever", "a lever handle")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        int leaves = d.is("leaves", "double") ? 2 : 1;
        double w = d.vary(0.9), h = d.vary(2.05);
        s.part("frame").box(-leaves * w / 2 - 0.05, h / 2, 0, 0.1, h + 0.1, 0.12);
        s.box(leaves * w / 2 + 0.05, h / 2, 0, 0.1, h + 0.1, 0.12);
        s.box(0, h + 0.05, 0, leaves * w + 0.2, 0.1, 0.12);
        for (int i = 0; i < leaves; i++) {
            double x = -leaves * w / 2 + w * (i + 0.5);
            s.part("leaf").box(x, h / 2, 0, w - 0.01, h, 0.045);
            if (d.has("window")) {
                s.part("window").box(x, h * 0.75, 0.03, w * 0.5, h * 0.25, 0.02);
            }
            double hx = x + (i == 0 ? 1 : -1) * w * 0.38;
            s.part("handle");
            if (d.is("handle", "knob")) {
                s.sphere(hx, h * 0.47, 0.07, 0.03, 0.03, 0.03);
            } else {
                s.box(hx - (i == 0 ? 0.06 : -0.06), h * 0.47, 0.07, 0.14, 0.025, 0.025);
            }
        }
    }
}
