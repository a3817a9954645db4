package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Cattle: horned or hornless, the head raised or lowered to graze, a long or short tail. */
final class Cow extends Category {

    Cow() {
        super("cow", List.of("cow", "bull", "ox", "heifer", "calf"),
                Attribute.presence("horns", "horns", "hornless"),
                Attribute.of("head", phrase("raised", "a raised head", "its head raised"),
                        phrase("lowered", "a lowered head", "its head lowered to graze")),
                Attribute.of("tail", phrase("long", "a long tail"), phrase("short", "a short tail")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double neckAngle = d.is("head", "raised") ? d.vary(0.35) : -d.vary(0.9);
        QuadrupedBody b = QuadrupedBody.build(s, d.vary(1.6), d.vary(0.36), d.vary(0.3), d.vary(0.6), 0.06, 0.32,
                neckAngle, 0.13, d.vary(0.16), d.vary(0.24));
        if (d.has("horns")) {
            s.part("horn");
            for (int side = -1; side <= 1; side += 2) {
                s.frustum(Pose.at(side * b.head() * 0.7, b.headY() + b.head() * 0.6, b.headZ() - b.headLength() * 0.4)
                        .rotZ(-side * 1.0), 0.035, 0.008, d.vary(0.22));
            }
        }
        s.part("ear");
        for (int side = -1; side <= 1; side += 2) {
            s.box(side * b.head() * 1.15, b.headY() + b.head() * 0.2, b.headZ() - b.headLength() * 0.5, 0.14, 0.05,
                    0.08);
        }
        double tail = d.pick("tail", "long", 0.75, 0.3);
        s.part("tail").frustum(Pose.at(0, b.bodyY() + b.radius() * 0.6, b.rearZ() + 0.05).rotX(-Math.PI + 0.25),
                0.03, 0.015, tail);
    }
}
