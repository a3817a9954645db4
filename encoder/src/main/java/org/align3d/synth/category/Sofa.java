package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/**
 * Sofas: two or three seats, with or without armrests, high or low back. A quarter are corner sofas, a chaise
 * reaching forward at one end; half have loose back cushions above a lower frame, as upholstered sofas do.
 */
final class Sofa extends Category {

    Sofa() {
        super("sofa", List.of("sofa", "couch", "divan"),
                Attribute.count("seats", "seats", null, 2, 3),
                Attribute.presence("armrests", "armrests", "armless"),
                Attribute.of("back", phrase("high", "a high back"), phrase("low", "a low back")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        int seats = d.count("seats");
        double cushion = d.vary(0.6), depth = d.vary(0.85), w = seats * cushion;
        // a corner sofa's chaise: the end seat runs forward by `chaise` on side `end`
        double chaise = d.chance(0.25) ? d.vary(0.7) : 0, end = d.chance(0.5) ? 1 : -1;
        int chaiseSeat = end > 0 ? seats - 1 : 0;
        s.part("base").box(0, 0.22, 0, w, 0.3, depth);
        if (chaise > 0) {
            s.box(end * (w - cushion) / 2, 0.22, (depth + chaise) / 2, cushion, 0.3, chaise);
        }
        s.part("cushion");
        for (int i = 0; i < seats; i++) {
            double reach = i == chaiseSeat ? chaise : 0;
            s.box(seatX(i, w, cushion), 0.43, 0.05 + reach / 2, cushion - 0.02, 0.12, depth - 0.15 + reach);
        }
        double backH = d.pick("back", "high", 0.6, 0.3);
        if (d.chance(0.5)) { // a lower frame behind loose back cushions, one per seat
            s.part("back").box(0, 0.37 + backH * 0.3, -depth / 2 + 0.08, w, backH * 0.6, 0.16);
            s.part("cushion");
            for (int i = 0; i < seats; i++) {
                s.box(Pose.at(seatX(i, w, cushion), 0.45 + backH / 2, -depth / 2 + 0.22).rotX(-0.15), cushion - 0.04,
                        backH, 0.14);
            }
        } else {
            s.part("back").box(0, 0.37 + backH / 2, -depth / 2 + 0.08, w, backH, 0.16);
        }
        if (d.has("armrests")) {
            double armDepth = depth + chaise;
            s.part("armrest").box(-w / 2 - 0.08, 0.33, end < 0 ? chaise / 2 : 0, 0.16, 0.5, end < 0 ? armDepth : depth);
            s.box(w / 2 + 0.08, 0.33, end > 0 ? chaise / 2 : 0, 0.16, 0.5, end > 0 ? armDepth : depth);
        }
        s.part("leg");
        double front = depth / 2 - 0.05;
        for (int i = 0; i < 4; i++) {
            double x = (i % 2 == 0 ? -1 : 1) * (w / 2 - 0.05);
            double z = i < 2 ? -front : front + (Math.signum(x) == end ? chaise : 0);
            s.cylinder(x, 0, z, 0.025, 0.07);
        }
    }

    /** The centre of seat {@code i} of a row {@code w} wide. */
    private static double seatX(int i, double w, double cushion) {
        return -w / 2 + cushion * (i + 0.5);
    }
}
