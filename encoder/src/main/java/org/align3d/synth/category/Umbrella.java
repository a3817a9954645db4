package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Umbrellas: six or eight panels, a hooked or straight handle, a dome or flat canopy. */
final class Umbrella extends Category {

    Umbrella() {
        super("umbrella", List.of("umbrella", "parasol", "brolly", "rain umbrella", "sun umbrella"),
                Attribute.count("panels", "panels", "panel", 6, 8),
                Attribute.of("handle", phrase("hook", "a hooked handle", "a J-shaped handle"),
                        phrase("straight", "a straight handle")),
                Attribute.of("canopy", adjective("dome", "dome-shaped", "domed"), adjective("flat", "flat")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double len = d.vary(0.9), r = d.vary(0.5);
        s.part("shaft").cylinder(0, 0.1, 0, 0.008, len);
        int panels = d.count("panels");
        double[] xs = new double[panels];
        double[] zs = new double[panels];
        for (int i = 0; i < panels; i++) {
            xs[i] = Math.cos(2 * Math.PI * i / panels);
            zs[i] = Math.sin(2 * Math.PI * i / panels);
        }
        double rise = d.is("canopy", "dome") ? r * 0.55 : r * 0.12;
        s.part("canopy").extrude(Pose.at(0, len + 0.1 - rise * 0.9, 0), xs, zs, r, 0, rise);
        s.part("rib");
        for (int i = 0; i < panels; i++) {
            s.rod(0, len + 0.1, 0, xs[i] * r, len + 0.1 - rise * 0.95, zs[i] * r, 0.004);
        }
        s.part("handle");
        if (d.is("handle", "hook")) {
            s.torus(Pose.at(0.04, 0.1, 0).rotX(Math.PI / 2), 0.04, 0.012);
        } else {
            s.cylinder(0, 0, 0, 0.015, 0.14);
        }
    }
}
