package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Pigs: floppy or pointed ears, a curly or straight tail, a long or short snout. */
final class Pig extends Category {

    Pig() {
        super("pig", List.of("pig", "hog", "piglet", "sow", "boar"),
                Attribute.of("ears", phrase("floppy", "floppy ears"), phrase("pointed", "pointed ears")),
                Attribute.of("tail", phrase("curly", "a curly tail", "a curled tail"),
                        phrase("straight", "a straight tail")),
                Attribute.of("snout", phrase("long", "a long snout"), phrase("short", "a short snout")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        QuadrupedBody b = QuadrupedBody.build(s, d.vary(1.1), d.vary(0.3), d.vary(0.28), d.vary(0.22), 0.05, 0, 0,
                0, d.vary(0.2), d.vary(0.2));
        double snout = d.pick("snout", "long", 0.2, 0.07);
        s.part("snout").frustum(Pose.at(0, b.headY() - b.head() * 0.15, b.muzzleZ() - 0.04).rotX(Math.PI / 2),
                0.09, 0.08, snout);
        s.part("ear");
        for (int side = -1; side <= 1; side += 2) {
            if (d.is("ears", "pointed")) {
                s.frustum(Pose.at(side * b.head() * 0.55, b.headY() + b.head() * 0.75, b.headZ()), 0.06, 0, 0.14);
            } else {
                s.box(Pose.at(side * b.head() * 0.6, b.headY() + b.head() * 0.55, b.headZ() + b.headLength() * 0.55)
                        .rotX(0.9), 0.12, 0.02, 0.14);
            }
        }
        double tailY = b.bodyY() + b.radius() * 0.4;
        if (d.is("tail", "curly")) {
            s.part("tail").torus(Pose.at(0, tailY, b.rearZ() - 0.05).rotZ(Math.PI / 2), 0.05, 0.015);
        } else {
            s.part("tail").frustum(Pose.at(0, tailY, b.rearZ() + 0.02).rotX(-Math.PI + 0.5), 0.02, 0.01, 0.2);
        }
    }
}
