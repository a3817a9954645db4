package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/**
 * Stylised dogs: long or short legs, a raised or drooping tail, pointed or floppy ears; a long muzzle and a short,
 * thick, straight tail (a cat has neither).
 */
final class Dog extends Category {

    Dog() {
        super("dog", List.of("dog", "puppy", "pup", "canine", "doggy"),
                Attribute.of("legs", phrase("long", "long legs").orAdjective("long-legged"),
                        phrase("short", "short legs").orAdjective("short-legged")),
                Attribute.of("tail", phrase("up", "a raised tail"), phrase("down", "a drooping tail")),
                Attribute.of("ears", phrase("pointed", "pointed ears"), phrase("floppy", "floppy ears")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double legH = d.pick("legs", "long", 0.4, 0.15), bodyL = d.vary(0.7), r = d.vary(0.14);
        double y = legH + r * 0.8;
        s.part("body").sphere(0, y, 0, r, r, bodyL / 2);
        s.part("head").sphere(0, y + r * 1.1, bodyL / 2 + 0.05, r * 0.8, r * 0.75, r * 0.9);
        s.part("snout").sphere(0, y + r * 0.95, bodyL / 2 + r * 1.05, r * 0.38, r * 0.34, r * 0.62);
        s.part("leg");
        for (int i = 0; i < 4; i++) {
            s.cylinder((i % 2 == 0 ? -1 : 1) * r * 0.55, 0, (i < 2 ? 1 : -1) * bodyL * 0.32, 0.035, y - r * 0.3);
        }
        double tailAngle = d.is("tail", "up") ? 0.5 : -1.0;
        s.part("tail").frustum(Pose.at(0, y + r * 0.3, -bodyL / 2 + 0.02).rotX(-Math.PI / 2 + tailAngle), 0.035, 0.015,
                d.vary(0.2));
        s.part("ear");
        for (int side = -1; side <= 1; side += 2) {
            if (d.is("ears", "pointed")) {
                s.frustum(Pose.at(side * r * 0.45, y + r * 1.65, bodyL / 2), 0.05, 0, 0.14);
            } else {
                s.box(Pose.at(side * r * 0.85, y + r * 1.15, bodyL / 2 + 0.02).rotZ(side * 0.3), 0.03, 0.2, 0.1);
            }
        }
    }
}
