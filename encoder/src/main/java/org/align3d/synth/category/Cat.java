package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Cats: sitting upright or standing on all fours, the tail raised or lowered, large or small ears. */
final class Cat extends Category {

    Cat() {
        super("cat", List.of("cat", "kitten"),
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
        double tail = d.vary(0.3);
        boolean sitting = d.is("pose", "sitting");
        double tailAngle = d.is("tail", "up") ? -0.25 : sitting ? -Math.PI / 2 - 0.1 : -Math.PI + 0.6;
        s.part("tail").frustum(Pose.at(0, tailY, tailZ).rotX(tailAngle), 0.015, 0.01, tail);
    }
}
