package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Stylised birds: spread or folded wings, a long or short beak, a long or short tail. */
final class Bird extends Category {

    Bird() {
        super("bird", List.of("bird", "songbird", "finch", "robin", "pigeon", "seagull"),
                Attribute.of("wings", phrase("spread", "spread wings", "outstretched wings"),
                        phrase("folded", "folded wings")),
                Attribute.of("beak", phrase("long", "a long beak"), phrase("short", "a short beak")),
                Attribute.of("tail", phrase("long", "a long tail"), phrase("short", "a short tail")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double r = d.vary(0.06), y = 0.12;
        s.part("body").sphere(0, y, 0, r, r, r * 1.8);
        s.part("head").sphere(0, y + r * 0.9, r * 1.6, r * 0.6, r * 0.6, r * 0.6);
        double beak = d.pick("beak", "long", r * 1.6, r * 0.5);
        s.part("beak").frustum(Pose.at(0, y + r * 0.85, r * 2.1).rotX(Math.PI / 2), r * 0.2, 0, beak);
        s.part("wing");
        for (int side = -1; side <= 1; side += 2) {
            if (d.is("wings", "spread")) {
                s.box(Pose.at(side * r * 2.8, y + r * 0.3, 0).rotZ(side * 0.15), r * 4, r * 0.12, r * 1.6);
            } else {
                s.box(Pose.at(side * r * 0.9, y + r * 0.2, -r * 0.3).rotY(side * 0.1), r * 0.2, r * 0.8, r * 2.2);
            }
        }
        double tail = d.pick("tail", "long", r * 2.5, r * 0.8);
        s.part("tail").box(0, y + r * 0.2, -r * 1.6 - tail / 2, r * 0.9, r * 0.1, tail);
        s.part("leg").rod(-r * 0.4, 0, 0, -r * 0.4, y - r * 0.8, 0, 0.004);
        s.rod(r * 0.4, 0, 0, r * 0.4, y - r * 0.8, 0, 0.004);
    }
}
