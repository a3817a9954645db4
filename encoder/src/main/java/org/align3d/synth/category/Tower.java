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
 * Towers: square or round, topped by a spire or flat, with or without a balcony. Drawn, as no attribute says, as
 * plain shafts, as lookout towers widening into a cab, or as water towers carrying a tank.
 */
final class Tower extends Category {

    Tower() {
        super("tower", List.of("tower", "watchtower", "turret"),
                Attribute.of("shape", adjective("square", "square"), adjective("round", "round", "cylindrical")),
                Attribute.of("top", phrase("spire", "a spire", "a pointed spire"), phrase("flat", "a flat top")),
                Attribute.presence("balcony", "a balcony", null));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double h = d.vary(30), r = d.vary(3.5);
        boolean cab = d.chance(0.3), tank = !cab && d.chance(0.3), headed = cab || tank;
        // a control or lookout tower widens into a cab; a water tower carries its tank on a slimmer shaft
        double shaftR = tank ? r * d.vary(0.45, 0.15) : r, shaftH = headed ? h * d.vary(0.75, 0.1) : h;
        s.part("shaft");
        if (d.is("shape", "square")) {
            s.box(0, shaftH / 2, 0, 2 * shaftR, shaftH, 2 * shaftR);
        } else {
            s.cylinder(0, 0, 0, shaftR, shaftH);
        }
        double topR = r;
        if (cab) {
            topR = r * d.vary(1.7, 0.15);
            double flare = h * 0.08;
            s.part("top").frustum(Pose.at(0, shaftH, 0), r, topR, flare).cylinder(0, shaftH + flare, 0, topR, h - shaftH - flare);
        } else if (tank) {
            topR = r * d.vary(1.5, 0.15);
            double low = shaftH - topR * 0.6;
            s.part("top").lathe(Pose.at(0, low, 0), new double[] {0, topR * 0.6, h - low},
                    new double[] {shaftR * 1.1, topR, topR});
        }
        s.part("top");
        if (d.is("top", "spire")) {
            s.frustum(Pose.at(0, h, 0), topR * 1.05, 0, d.vary(10) * (headed ? 0.35 : 1));
        } else {
            s.box(0, h + 0.5, 0, 2 * topR + 0.8, 1.0, 2 * topR + 0.8);
        }
        if (d.has("balcony")) {
            double y = headed ? shaftH - h * 0.04 : h * 0.7;
            s.part("balcony").cylinder(0, y, 0, (cab ? r : topR) + 1.2, 0.4);
        }
    }
}
