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
 * People: arms raised or down, standing or sitting, with or without a hat. Built as most catalogue figures are, with
 * a body of tapered limbs, hips and shoulders, feet and a neck, or (a third of them) as a stick figure of even rods,
 * as mannequins and signs draw people.
 */
final class Person extends Category {

    Person() {
        super("person", List.of("person", "human figure", "figure", "human", "woman", "pedestrian", "mannequin"),
                Attribute.of("arms", phrase("raised", "raised arms", "arms up"), phrase("down", "arms down")),
                Attribute.of("pose", adjective("standing", "standing"), adjective("sitting", "sitting", "seated")),
                Attribute.presence("hat", "a hat", "bareheaded"));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double leg = d.vary(0.85), torso = d.vary(0.6);
        boolean sitting = d.is("pose", "sitting");
        double hip = sitting ? 0.45 : leg;
        double headY = d.chance(0.35) ? stickFigure(d, s, hip, torso, sitting) : body(d, s, hip, torso, sitting);
        s.part("head").sphere(0, headY, 0, 0.11, 0.13, 0.11);
        if (d.has("hat")) {
            s.part("hat").cylinder(0, headY + 0.09, 0, 0.17, 0.02);
            s.cylinder(0, headY + 0.11, 0, 0.1, d.vary(0.12));
        }
    }

    /** Even rods for limbs and a box for the torso; returns the head's centre height. */
    private static double stickFigure(Design d, ShapeBuilder s, double hip, double torso, boolean sitting) {
        double r = 0.05;
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
        return hip + torso + 0.14;
    }

    /** Tapered limbs with knees, elbows, hands and feet, a rounded torso on hips; returns the head's centre height. */
    private static double body(Design d, ShapeBuilder s, double hip, double torso, boolean sitting) {
        double thigh = d.vary(0.075), girth = d.vary(0.18), knee = sitting ? 0.45 : hip * 0.5;
        s.part("leg");
        for (int side = -1; side <= 1; side += 2) {
            double x = side * 0.09, kz = sitting ? 0.42 : 0.01, footX = x + side * d.jitter(0.02);
            s.rod(x, hip, 0, x, knee, kz, thigh, thigh * 0.72);
            s.rod(x, knee, kz, footX, 0.07, kz, thigh * 0.7, thigh * 0.5);
            s.box(footX, 0.035, kz + 0.06, 0.09, 0.07, 0.25);
        }
        // an elliptic trunk widening from the waist to the chest, rounded at the hips and the shoulders
        double shoulder = hip + torso - 0.05;
        double[] xs = new double[16], zs = new double[16];
        for (int i = 0; i < 16; i++) {
            xs[i] = girth * Math.cos(2 * Math.PI * i / 16);
            zs[i] = girth * 0.6 * Math.sin(2 * Math.PI * i / 16);
        }
        s.part("torso").sphere(0, hip + 0.02, 0, girth * 0.95, 0.12, girth * 0.6);
        s.extrude(Pose.at(0, hip + 0.02, 0), xs, zs, 0.9, 1.05, shoulder - hip - 0.02);
        s.sphere(0, shoulder, 0, girth * 1.05, 0.07, girth * 0.63);
        s.part("arm");
        for (int side = -1; side <= 1; side += 2) {
            double x = side * (girth + 0.03), lift = d.is("arms", "raised") ? 1 : -1;
            double ex = x + side * (lift > 0 ? 0.1 : 0.03), ey = shoulder + lift * 0.3;
            double wx = ex + side * (lift > 0 ? 0.07 : 0.01), wy = ey + lift * 0.27, wz = lift > 0 ? 0 : 0.04;
            s.rod(x, shoulder, 0, ex, ey, -0.02, 0.05, 0.04);
            s.rod(ex, ey, -0.02, wx, wy, wz, 0.04, 0.032);
            s.sphere(wx, wy + lift * 0.05, wz, 0.035, 0.06, 0.04);
        }
        s.part("head").cylinder(0, hip + torso, 0, 0.05, 0.1);
        return hip + torso + 0.18;
    }
}
