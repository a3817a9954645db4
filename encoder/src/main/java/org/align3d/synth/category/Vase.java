package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Vases: round, cylindrical or flared, with two handles or none, tall or short; half modelled hollow. */
final class Vase extends Category {

    Vase() {
        super("vase", List.of("vase", "flower vase", "decorative vase"),
                Attribute.of("shape", adjective("round", "round", "bulbous"), adjective("cylinder", "cylindrical"),
                        adjective("flared", "flared", "trumpet-shaped")),
                Attribute.count("handles", "handles", "handled", 0, 2),
                Attribute.of("height", adjective("tall", "tall"), adjective("short", "short")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        // A vase is always taller than it is wide (a short one too), which is what tells it from a bowl: a foot,
        // a body and a neck or mouth, turned as profiles of (height, radius) in fractions of h and r.
        double h = d.pick("height", "tall", 0.5, 0.3), r = d.vary(0.08);
        double[] bodyY, bodyR, neckY, neckR;
        switch (d.get("shape")) {
            case "round" -> {
                bodyY = new double[] {0, 0.04, 0.2, 0.38, 0.58, 0.72};
                bodyR = new double[] {0.6, 0.65, 1.05, 1.25, 1.05, 0.55};
                neckY = new double[] {0.72, 0.92, 1};
                neckR = new double[] {0.4, 0.38, 0.55};
            }
            case "cylinder" -> {
                bodyY = new double[] {0, 0.03, 0.85, 0.9};
                bodyR = new double[] {0.92, 1, 1, 0.8};
                neckY = new double[] {0.9, 0.96, 1};
                neckR = new double[] {0.65, 0.65, 0.75};
            }
            default -> { // a trumpet: a spread foot, a slender waist, a mouth flaring out
                bodyY = new double[] {0, 0.04, 0.15, 0.45, 0.55};
                bodyR = new double[] {0.75, 0.7, 0.45, 0.32, 0.35};
                neckY = new double[] {0.55, 0.75, 0.9, 1};
                neckR = new double[] {0.35, 0.55, 0.9, 1.25};
            }
        }
        if (d.chance(0.5)) { // modelled hollow: the body holds the cavity, the neck is an open tube into it
            double wall = 0.07 * r;
            s.part("body").vessel(Pose.ORIGIN, scale(bodyY, h), scale(bodyR, r), wall, true);
            s.part("neck").vessel(Pose.ORIGIN, scale(neckY, h), scale(neckR, r), wall, false);
        } else { // modelled solid
            s.part("body").lathe(Pose.ORIGIN, scale(bodyY, h), scale(bodyR, r));
            s.part("neck").lathe(Pose.ORIGIN, scale(neckY, h), scale(neckR, r));
        }
        if (d.count("handles") == 2) {
            // ear handles on the shoulder, their inner side touching the surface
            double y = 0.62 * h, loop = h * 0.1;
            double surface = r * interpolate(bodyY, bodyR, neckY, neckR, 0.62);
            s.part("handle");
            for (int side = -1; side <= 1; side += 2) {
                s.torus(Pose.at(side * (surface + loop * 0.8), y, 0).rotX(Math.PI / 2), loop, 0.008);
            }
        }
    }

    private static double[] scale(double[] fractions, double by) {
        double[] out = new double[fractions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fractions[i] * by;
        }
        return out;
    }

    /** The profile's radius fraction at height fraction {@code y}, over body then neck. */
    private static double interpolate(double[] bodyY, double[] bodyR, double[] neckY, double[] neckR, double y) {
        double[] ys = y <= bodyY[bodyY.length - 1] ? bodyY : neckY;
        double[] rs = ys == bodyY ? bodyR : neckR;
        for (int i = 0; i + 1 < ys.length; i++) {
            if (y <= ys[i + 1]) {
                double t = (y - ys[i]) / (ys[i + 1] - ys[i]);
                return rs[i] + t * (rs[i + 1] - rs[i]);
            }
        }
        return rs[rs.length - 1];
    }
}
