package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Guitars: a round or angular body, with or without a sound hole, a long or short neck. */
final class Guitar extends Category {

    Guitar() {
        super("guitar", List.of("guitar"),
                Attribute.of("body", phrase("round", "a round body", "a curvy body"), phrase("angular", "an angular body")),
                Attribute.presence("sound_hole", "a sound hole", null),
                Attribute.of("neck", phrase("long", "a long neck"), phrase("short", "a short neck")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double bodyR = d.vary(0.18), t = 0.1, neckLen = d.pick("neck", "long", 0.65, 0.4);
        // lying on its back: thickness along Y, the neck along +Z
        s.part("body");
        if (d.is("body", "round")) {
            s.frustum(Pose.ORIGIN, bodyR, bodyR, t);
            s.frustum(Pose.at(0, 0, bodyR * 1.2), bodyR * 0.8, bodyR * 0.8, t);
        } else {
            s.star(Pose.ORIGIN.rotY(d.jitter(0.2)), 3, 0.6, bodyR * 1.4, t);
        }
        if (d.has("sound_hole")) {
            s.part("sound_hole").torus(Pose.at(0, t, bodyR * 1.1), 0.05, 0.008);
        }
        s.part("neck").box(0, t * 0.7, bodyR * 1.6 + neckLen / 2, 0.05, 0.03, neckLen);
        s.part("headstock").box(0, t * 0.7, bodyR * 1.6 + neckLen + 0.09, 0.08, 0.03, 0.18);
        s.part("bridge").box(0, t + 0.005, -bodyR * 0.4, 0.12, 0.02, 0.03);
    }
}
