package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Towers: square or round, topped by a spire or flat, with or without a balcony. */
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
        s.part("shaft");
        if (d.is("shape", "square")) {
            s.box(0, h / 2, 0, 2 * r, h, 2 * r);
        } else {
            s.cylinder(0, 0, 0, r, h);
        }
        s.part("top");
        if (d.is("top", "spire")) {
            s.frustum(Pose.at(0, h, 0), r * 1.05, 0, d.vary(10));
        } else {
            s.box(0, h + 0.5, 0, 2 * r + 0.8, 1.0, 2 * r + 0.8);
        }
        if (d.has("balcony")) {
            s.part("balcony").cylinder(0, h * 0.7, 0, r + 1.2, 0.4);
        }
    }
}
