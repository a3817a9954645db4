package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/**
 * Cabinets: one or two doors, knob or bar handles, standing on legs or not. Their build varies as catalogues' do: a
 * third are tall wardrobes, a quarter kitchen base cabinets under an overhanging worktop, and a third have a row of
 * drawers above the doors.
 */
final class Cabinet extends Category {

    Cabinet() {
        super("cabinet", List.of("cabinet", "cupboard", "closet", "sideboard", "locker"),
                Attribute.count("doors", "doors", "door", 1, 2),
                Attribute.of("handles", phrase("knob", "round knobs"), phrase("bar", "bar handles")),
                Attribute.presence("legs", "legs", null));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        int doors = d.count("doors");
        boolean wardrobe = d.chance(0.33), kitchen = !wardrobe && d.chance(0.37);
        double w = wardrobe ? d.vary(doors == 1 ? 0.6 : 1.0) : d.vary(0.8);
        double h = wardrobe ? d.vary(1.9) : kitchen ? d.vary(0.82) : d.vary(1.0);
        double depth = d.vary(wardrobe || kitchen ? 0.58 : 0.45);
        double lift = d.has("legs") ? 0.15 : 0;
        s.part("body").box(0, lift + h / 2, 0, w, h, depth);
        if (kitchen) {
            s.part("top").box(0, lift + h + 0.02, 0.02, w + 0.02, 0.04, depth + 0.04);
        }
        double drawers = d.chance(0.33) ? d.vary(0.18) : 0;
        double doorH = h - 0.04 - drawers, doorY = lift + 0.02 + doorH / 2;
        if (drawers > 0) {
            s.part("drawer").box(0, lift + h - 0.02 - drawers / 2, depth / 2 + 0.01, w - 0.01, drawers - 0.02, 0.02);
            handle(d, s, 0, lift + h - 0.02 - drawers / 2, depth, true);
        }
        double doorW = w / doors;
        for (int i = 0; i < doors; i++) {
            double x = -w / 2 + doorW * (i + 0.5);
            s.part("door").box(x, doorY, depth / 2 + 0.01, doorW - 0.01, doorH, 0.02);
            handle(d, s, doors == 1 ? x + doorW * 0.35 : x + (i == 0 ? 1 : -1) * doorW * 0.35, doorY, depth, false);
        }
        if (d.has("legs")) {
            s.part("leg");
            for (int i = 0; i < 4; i++) {
                s.cylinder((i % 2 == 0 ? -1 : 1) * (w / 2 - 0.04), 0, (i < 2 ? -1 : 1) * (depth / 2 - 0.04), 0.02, lift);
            }
        }
    }

    /** A knob or a bar handle (lying for a drawer, standing for a door) on the front at (x, y). */
    private static void handle(Design d, ShapeBuilder s, double x, double y, double depth, boolean drawer) {
        s.part("handle");
        if (d.is("handles", "knob")) {
            s.sphere(x, y, depth / 2 + 0.04, 0.02, 0.02, 0.02);
        } else if (drawer) {
            s.box(x, y, depth / 2 + 0.035, 0.2, 0.02, 0.02);
        } else {
            s.box(x, y, depth / 2 + 0.035, 0.02, 0.2, 0.02);
        }
    }
}
