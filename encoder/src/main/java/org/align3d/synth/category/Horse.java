package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Horses: with or without a mane, the neck held high or lowered, a long flowing or a short docked tail. */
final class Horse extends Category {

    Horse() {
        super("horse", List.of("horse", "pony", "stallion", "steed", "colt"),
                Attribute.presence("mane", "a mane", "maneless"),
                Attribute.of("neck", phrase("raised", "a raised neck", "its head held high"),
                        phrase("lowered", "a lowered neck", "its head lowered")),
                Attribute.of("tail", phrase("long", "a long flowing tail"), phrase("short", "a short docked tail")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double neck = d.vary(0.6), angle = d.is("neck", "raised") ? d.vary(0.95) : -d.vary(0.45);
        QuadrupedBody b = QuadrupedBody.build(s, d.vary(1.5), d.vary(0.28), d.vary(0.22), d.vary(0.85), 0.045,
                neck, angle, 0.1, d.vary(0.1), d.vary(0.27));
        double ny = b.bodyY() + b.radius() * 0.45, nz = b.length() * 0.4;
        if (d.has("mane")) {
            double ey = ny + neck * Math.sin(angle), ez = nz + neck * Math.cos(angle);
            s.part("mane").box(Pose.along(0, ny + 0.09, nz - 0.04, 0, ey + 0.09, ez - 0.04), 0.04, neck, 0.1);
        }
        s.part("ear");
        for (int side = -1; side <= 1; side += 2) {
            s.frustum(Pose.at(side * 0.05, b.headY() + b.head() * 0.8, b.headZ() - b.headLength() * 0.6), 0.03, 0,
                    0.1);
        }
        boolean longTail = d.is("tail", "long");
        double tail = longTail ? d.vary(0.8) : d.vary(0.25);
        s.part("tail").frustum(Pose.at(0, b.bodyY() + b.radius() * 0.7, b.rearZ() + 0.04)
                .rotX(-Math.PI + (longTail ? 0.35 : 1.0)), longTail ? 0.07 : 0.04, longTail ? 0.03 : 0.02, tail);
    }
}
