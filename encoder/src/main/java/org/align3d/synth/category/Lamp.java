package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import java.util.Map;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Lamps: cone, cylinder or globe shade, round or square base, tall (floor) or short (desk). */
final class Lamp extends Category {

    Lamp() {
        super("lamp", List.of("lamp", "light", "light fixture", "reading lamp"),
                Attribute.of("shade", phrase("cone", "a cone shade", "a conical shade"),
                        phrase("cylinder", "a cylinder shade", "a cylindrical shade"),
                        phrase("globe", "a globe shade", "a spherical shade")),
                Attribute.of("base", phrase("round", "a round base"), phrase("square", "a square base")),
                Attribute.of("height", adjective("tall", "tall"), adjective("short", "short", "small")));
    }

    @Override
    public String subtype(Map<String, String> values) {
        return values.get("height").equals("tall") ? "floor lamp" : "desk lamp";
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double h = d.pick("height", "tall", 1.6, 0.5);
        double baseR = d.vary(h > 1 ? 0.18 : 0.1);
        s.part("base");
        if (d.is("base", "round")) {
            s.cylinder(0, 0, 0, baseR, 0.03);
        } else {
            s.box(0, 0.015, 0, 2 * baseR, 0.03, 2 * baseR);
        }
        s.part("pole").cylinder(0, 0.03, 0, 0.012, h - 0.03);
        double r = d.vary(h > 1 ? 0.22 : 0.12);
        s.part("shade");
        switch (d.get("shade")) {
            case "cone" -> s.frustum(Pose.at(0, h - r * 0.6, 0), r, r * 0.35, r * 1.1);
            case "cylinder" -> s.frustum(Pose.at(0, h - r * 0.5, 0), r * 0.8, r * 0.8, r * 1.1);
            default -> s.sphere(0, h + r * 0.3, 0, r * 0.7, r * 0.7, r * 0.7);
        }
    }
}
