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
 * Houses: one or two stories, a gabled or flat roof, with or without a chimney. Drawn, as no attribute says, with
 * low or steep roofs, some gabled roofs hipped and some houses with a lower wing at the back.
 */
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
        boolean gabled = d.is("roof", "gabled");
        // steep roofs (a pitch near 45 degrees, as most catalogue houses have) for two in five; the rest low
        double rise = d.chance(0.4) ? depth * d.vary(0.45, 0.2) : d.vary(2.5);
        s.part("walls").box(0, h / 2, 0, w, h, depth);
        s.part("roof");
        if (gabled && d.chance(0.25)) { // hipped: sloping on all four sides to a point
            double a = w / 2 + 0.3, b = depth / 2 + 0.3;
            s.extrude(Pose.at(0, h, 0), new double[] {a, -a, -a, a}, new double[] {b, b, -b, -b}, 1, 0, rise * 0.8);
        } else if (gabled) {
            s.extrude(Pose.at(-w / 2 - 0.3, h, 0).rotZ(-Math.PI / 2),
                    new double[] {0, 0, -rise}, new double[] {-depth / 2 - 0.3, depth / 2 + 0.3, 0}, 1, 1, w + 0.6);
        } else {
            s.box(0, h + 0.15, 0, w + 0.4, 0.3, depth + 0.4);
        }
        if (d.chance(0.35)) { // a lower wing at the back, one story under its own roof: an L-shaped house
            wing(d, s, w, depth, gabled);
        }
        s.part("door").box(d.jitter(2), 1.05, depth / 2 + 0.03, 1.0, 2.1, 0.06);
        s.part("window");
        for (int floor = 0; floor < d.count("stories"); floor++) {
            for (int k = -1; k <= 1; k += 2) {
                s.box(k * w * 0.3, 1.6 + floor * 2.8, depth / 2 + 0.03, 1.2, 1.0, 0.06);
            }
        }
        if (d.has("chimney")) {
            double top = h + (gabled ? rise : 0.3) + d.vary(0.9, 0.3); // clear of the ridge, however steep
            s.part("chimney").box(w * 0.3, (h + 0.2 + top) / 2, 0, 0.7, top - h - 0.2, 0.7);
        }
    }

    /** A one-story wing behind one end of the house, its ridge running back from the main walls. */
    private static void wing(Design d, ShapeBuilder s, double w, double depth, boolean gabled) {
        double ww = w * d.vary(0.45, 0.15), wd = depth * d.vary(0.6, 0.2), wh = d.vary(2.6);
        double x = (d.chance(0.5) ? 1 : -1) * (w - ww) / 2, z = -depth / 2 - wd / 2 + 0.05;
        s.part("walls").box(x, wh / 2, z, ww, wh, wd);
        s.part("roof");
        if (gabled) {
            s.extrude(Pose.at(x, wh, -depth / 2 + 0.1).rotX(-Math.PI / 2), new double[] {-ww / 2 - 0.3, ww / 2 + 0.3, 0},
                    new double[] {0, 0, ww * d.vary(0.4, 0.2)}, 1, 1, wd + 0.25);
        } else {
            s.box(x, wh + 0.15, z - 0.1, ww + 0.4, 0.3, wd + 0.2);
        }
    }
}
