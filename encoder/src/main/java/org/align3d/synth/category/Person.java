package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/** Stick-figure people: arms raised or down, standing or sitting, with or without a hat. */
final class Person extends Category {

    Person() {
        super("person", List.of("person", "human figure", "figure", "human", "woman", "pedestrian", "mannequin"),
                Attribute.of("arms", phrase("raised", "raised arms", "arms up"), phrase("down", "arms down")),
                Attribute.of("pose", adjective("standing", "standing"), adjective("sitting", "sitting", "seated")),
                Attribute.presence("hat", "a hat", "bareheaded"));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double leg = d.vary(0.85), torso = d.vary(0.6), r = 0.05;
        boolean sitting = d.is("pose", "sitting");
        double hip = sitting ? 0.45 : leg;
        s.part("leg");
        for (int side = -1; side <= 1; side += 2) {
            double x = side * 0.1;
            if (sitting) {
                s.rod(x, hip, 0, x, hip, 0.42, r);
                s.rod(x, hip, 0.42, x, 0, 0.42, r);
            } else {
                s.rod(x, hip, 0, x + side * d.jitter(0.03), 0, 0, r);
            }
        }
        s.part("torso").box(0, hip + torso / 2, 0, 0.34, torso, 0.18);
        double shoulder = hip + torso - 0.04;
        s.part("arm");
        for (int side = -1; side <= 1; side += 2) {
            double x = side * 0.2;
            if (d.is("arms", "raised")) {
                s.rod(x, shoulder, 0, x + side * 0.15, shoulder + 0.6, 0, r * 0.8);
            } else {
                s.rod(x, shoulder, 0, x + side * 0.06, shoulder - 0.6, 0, r * 0.8);
            }
        }
        double headY = hip + torso + 0.14;
        s.part("head").sphere(0, headY, 0, 0.11, 0.13, 0.11);
        if (d.has("hat")) {
            s.part("hat").cylinder(0, headY + 0.09, 0, 0.17, 0.02);
            s.cylinder(0, headY + 0.11, 0, 0.1, d.vary(0.12));
        }
    }
}
