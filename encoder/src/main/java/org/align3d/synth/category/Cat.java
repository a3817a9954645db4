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
 * Cats: sitting upright or standing on all fours, the tail raised or lowered, large or small ears. What tells a cat
 * from a dog here is what does in life: a round head with no muzzle and a long, thin, curling tail.
 */
final class Cat extends Category {

    Cat() {
        super("cat", List.of("cat", "kitten", "house cat", "feline", "tabby"),
                Attribute.of("pose", adjective("sitting", "sitting", "seated"), adjective("standing", "standing")),
                Attribute.of("tail", phrase("up", "an upright tail", "its tail up"),
                        phrase("down", "a lowered tail", "its tail down")),
                Attribute.of("ears", phrase("large", "large ears", "big ears"), phrase("small", "small ears")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double length = d.vary(0.46), r = d.vary(0.1), w = d.vary(0.085), head = d.vary(0.075);
        double headY, headZ, tailY, tailZ;
        if (d.is("pose", "sitting")) {
            // body pitched up about the hips, front legs straight, hind legs folded on the ground
            double pitch = 0.95, hipY = 0.09;
            double cy = hipY + Math.sin(pitch) * length / 2, cz = Math.cos(pitch) * length / 2 - 0.05;
            s.part("body").sphere(Pose.at(0, cy, cz).rotX(-pitch), w, r, length / 2);
            s.part("leg");
            double chestY = hipY + Math.sin(pitch) * length * 0.75, chestZ = cz + Math.cos(pitch) * length * 0.3;
            for (int side = -1; side <= 1; side += 2) {
                s.rod(side * w * 0.5, 0, chestZ + 0.03, side * w * 0.5, chestY - r * 0.5, chestZ, 0.018);
                s.box(side * w * 0.8, 0.035, -0.02, 0.04, 0.07, 0.18);
            }
            headY = hipY + Math.sin(pitch) * length + head * 0.6;
            headZ = cz + Math.cos(pitch) * length * 0.45;
            tailY = 0.03;
            tailZ = -0.1;
        } else {
            double legLength = d.vary(0.2), y = legLength + r * 0.7;
            s.part("body").sphere(0, y, 0, w, r, length / 2);
            s.part("leg");
            for (int i = 0; i < 4; i++) {
                s.cylinder((i % 2 == 0 ? -1 : 1) * w * 0.55, 0, (i < 2 ? 1 : -1) * length * 0.33, 0.018,
                        y - r * 0.3);
            }
            headY = y + r * 0.9;
            headZ = length / 2 + head * 0.1;
            tailY = y + r * 0.3;
            tailZ = -length / 2 + 0.02;
        }
        s.part("head").sphere(0, headY, headZ, head, head * 0.9, head);
        double ear = d.pick("ears", "large", 0.07, 0.035);
        s.part("ear");
        for (int side = -1; side <= 1; side += 2) {
            s.frustum(Pose.at(side * head * 0.55, headY + head * 0.65, headZ - head * 0.1).rotZ(-side * 0.25),
                    ear * 0.5, 0, ear);
        }
        // a cat's tail is long (most of its body length) and thin, and curls at the tip; a dog's is short
        boolean sitting = d.is("pose", "sitting");
        double t = d.vary(0.85) * length;
        if (d.is("tail", "up")) { // straight up behind, the tip hooked forward like a question mark
            s.part("tail").tube(0.013, 0, tailY, tailZ, 0, tailY + 0.55 * t, tailZ - 0.08 * t,
                    0, tailY + 0.85 * t, tailZ - 0.04 * t, 0, tailY + 0.95 * t, tailZ + 0.1 * t);
        } else if (sitting) { // lying on the ground, curled round to the front paws
            s.part("tail").tube(0.013, 0, tailY, tailZ, w * 1.3, tailY, tailZ + 0.1 * t,
                    w * 1.7, tailY, tailZ + 0.4 * t, w * 1.3, tailY, tailZ + 0.7 * t);
        } else { // hanging down behind, the tip turned out
            double drop = Math.min(0.7 * t, tailY - 0.03);
            s.part("tail").tube(0.013, 0, tailY, tailZ, 0, tailY - 0.6 * drop, tailZ - 0.2 * t,
                    0, tailY - drop, tailZ - 0.35 * t, 0, tailY - 0.9 * drop, tailZ - 0.55 * t);
        }
    }
}
