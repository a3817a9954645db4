package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/** Buses: single or double decker, two or three axles, long or short. */
final class Bus extends Category {

    Bus() {
        super("bus", List.of("bus", "coach", "autobus", "city bus", "omnibus"),
                Attribute.of("decks", adjective("1", "single-decker", "single-deck"),
                        adjective("2", "double-decker", "double-deck")),
                Attribute.count("axles", "axles", "axle", 2, 3),
                Attribute.of("length", adjective("long", "long"), adjective("short", "short")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double len = d.pick("length", "long", 12, 8), w = d.vary(2.5);
        double h = d.is("decks", "2") ? 4.2 : 2.8;
        s.part("body").box(0, 0.4 + h / 2, 0, w, h, len);
        s.part("window");
        int rows = d.is("decks", "2") ? 2 : 1;
        for (int r = 0; r < rows; r++) {
            double y = 1.9 + r * 1.6;
            s.box(-w / 2 - 0.02, y, 0, 0.04, 0.8, len * 0.85);
            s.box(w / 2 + 0.02, y, 0, 0.04, 0.8, len * 0.85);
        }
        s.part("wheel");
        int axles = d.count("axles");
        double[] zs = axles == 2 ? new double[] {len * 0.35, -len * 0.3} : new double[] {len * 0.35, -len * 0.2, -len * 0.36};
        for (double z : zs) {
            s.wheel(-w / 2 + 0.2, 0.5, z, 0.5, 0.3);
            s.wheel(w / 2 - 0.2, 0.5, z, 0.5, 0.3);
        }
    }
}
