package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Houses: one or two stories, a gabled or flat roof, with or without a chimney. */
final class House extends Category {

    House() {
        super("house", List.of("house", "home", "cottage", "dwelling", "residence", "villa"),
                Attribute.of("stories", adjective("1", "one-story", "single-story"), adjective("2", "two-story")),
                Attribute.of("roof", phrase("gabled", "a gabled roof", "a pitched roof"), phrase("flat", "a flat roof")),
                Attribute.presence("chimney", "a chimney", null));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double w = d.vary(10), depth = d.vary(8), h = d.count("stories") * d.vary(2.8);
        s.part("walls").box(0, h / 2, 0, w, h, depth);
        s.part("roof");
        if (d.is("roof", "gabled")) {
            double rise = d.vary(2.5);
            s.extrude(Pose.at(-w / 2 - 0.3, h, 0).rotZ(-Math.PI / 2),
                    new double[] {0, 0, -rise}, new double[] {-depth / 2 - 0.3, depth / 2 + 0.3, 0}, 1, 1, w + 0.6);
        } else {
            s.box(0, h + 0.15, 0, w + 0.4, 0.3, depth + 0.4);
        }
        s.part("door").box(d.jitter(2), 1.05, depth / 2 + 0.03, 1.0, 2.1, 0.06);
        s.part("window");
        for (int floor = 0; floor < d.count("stories"); floor++) {
            for (int k = -1; k <= 1; k += 2) {
                s.box(k * w * 0.3, 1.6 + floor * 2.8, depth / 2 + 0.03, 1.2, 1.0, 0.06);
            }
        }
        if (d.has("chimney")) {
            s.part("chimney").box(w * 0.3, h + 1.8, 0, 0.7, 3.2, 0.7);
        }
    }
}
