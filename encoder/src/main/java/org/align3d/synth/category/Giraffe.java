package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Giraffes: the long neck upright or bent down to drink, horns or none, a long or short tail. */
final class Giraffe extends Category {

    Giraffe() {
        super("giraffe", List.of("giraffe"),
                Attribute.of("neck", phrase("raised", "an upright neck", "its neck raised"),
                        phrase("lowered", "a lowered neck", "its neck bent down")),
                Attribute.presence("horns", "small horns", "hornless"),
                Attribute.of("tail", phrase("long", "a long tail"), phrase("short", "a short tail")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double angle = d.is("neck", "raised") ? d.vary(1.2) : -d.vary(0.7);
        QuadrupedBody b = QuadrupedBody.build(s, d.vary(1.3), d.vary(0.3), d.vary(0.24), d.vary(1.3), 0.05,
                d.vary(1.5), angle, 0.08, d.vary(0.1), d.vary(0.25));
        if (d.has("horns")) {
            s.part("horn");
            for (int side = -1; side <= 1; side += 2) {
                s.frustum(Pose.at(side * 0.05, b.headY() + b.head() * 0.7, b.headZ() - b.headLength() * 0.5),
                        0.02, 0.025, 0.13);
            }
        }
        s.part("ear");
        for (int side = -1; side <= 1; side += 2) {
            s.box(Pose.at(side * (b.head() + 0.05), b.headY() + b.head() * 0.5, b.headZ() - b.headLength() * 0.6)
                    .rotZ(-side * 0.5), 0.12, 0.03, 0.05);
        }
        double tail = d.pick("tail", "long", 0.8, 0.35);
        s.part("tail").frustum(Pose.at(0, b.bodyY() + b.radius() * 0.6, b.rearZ() + 0.04).rotX(-Math.PI + 0.3),
                0.025, 0.04, tail);
    }
}
