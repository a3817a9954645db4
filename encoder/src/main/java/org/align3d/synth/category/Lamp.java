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

/**
 * Lamps: cone, cylinder or globe shade, round or square base, tall (floor) or short (desk). Drawn, as no attribute
 * says, as floor lamps or street lamps carrying a lantern, and as desk lamps on a stem, table lamps with a turned body
 * or desk lamps on a jointed arm.
 */
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
        boolean tall = d.is("height", "tall");
        double h = d.pick("height", "tall", 1.6, 0.5);
        Build build = build(d, tall);
        if (build == Build.STREET) { // a taller, tapering post carrying a lantern
            h = d.vary(3.2, 0.15);
        }
        double baseR = d.vary(tall ? 0.18 : 0.1);
        s.part("base");
        if (d.is("base", "round")) {
            s.cylinder(0, 0, 0, baseR, 0.03);
        } else {
            s.box(0, 0.015, 0, 2 * baseR, 0.03, 2 * baseR);
        }
        double r = d.vary(tall ? 0.22 : 0.12);
        switch (build) {
            case STREET -> {
                s.part("pole").rod(0, 0.03, 0, 0, h, 0, d.vary(0.06), d.vary(0.03));
                shade(d, s, Pose.at(0, h, 0), r * 0.9, true);
            }
            case TABLE -> { // a turned body under a wide shade
                double body = h * d.vary(0.55, 0.1), belly = d.vary(0.07, 0.25);
                s.part("pole").lathe(Pose.at(0, 0.03, 0), new double[] {0, body * 0.1, body * 0.45, body * 0.85, body},
                        new double[] {belly * 0.6, belly * 0.8, belly, belly * 0.55, 0.015});
                s.cylinder(0, body, 0, 0.01, h - body);
                shade(d, s, Pose.at(0, h - r * 0.5, 0), r * 1.3, false);
            }
            case ARM -> { // the shade hangs forward over the desk
                double ex = d.jitter(0.06) - 0.08, ey = h * d.vary(0.6, 0.15); // the elbow
                double hx = d.vary(0.3, 0.2), hy = h * d.vary(0.9, 0.1); // the head
                s.part("pole").rod(0, 0.03, 0, ex, ey, 0, 0.012).rod(ex, ey, 0, hx, hy, 0, 0.01);
                shade(d, s, Pose.along(hx + r * 0.5, hy - r * 0.9, 0, hx, hy, 0), r * 0.8, false);
            }
            case FLOOR, DESK -> {
                s.part("pole").cylinder(0, 0.03, 0, 0.012, h - 0.03);
                shade(d, s, Pose.at(0, h - r * 0.6, 0), r, false);
            }
        }
    }

    /** How a lamp is built, which no attribute says: a tall one on a pole or a post, a short one on a stem, body or arm. */
    private enum Build { FLOOR, STREET, DESK, TABLE, ARM }

    private static Build build(Design d, boolean tall) {
        if (tall) {
            return d.chance(0.35) ? Build.STREET : Build.FLOOR;
        }
        return d.chance(0.35) ? Build.TABLE : d.chance(0.45) ? Build.ARM : Build.DESK;
    }

    /** The shade at {@code pose} (its axis along the pose's +Y, opening downwards), of radius about {@code r}. */
    private static void shade(Design d, ShapeBuilder s, Pose pose, double r, boolean lantern) {
        s.part("shade");
        switch (d.get("shade")) {
            case "cone" -> s.frustum(pose, lantern ? r * 0.5 : r, lantern ? r : r * 0.35, r * 1.1);
            case "cylinder" -> s.frustum(pose, r * 0.8, r * 0.8, r * 1.1);
            default -> s.sphere(pose.shift(0, r * 0.9, 0), r * 0.7, r * 0.7, r * 0.7);
        }
        if (lantern) { // a cap over the lantern
            s.frustum(pose.shift(0, r * (d.is("shade", "globe") ? 1.6 : 1.1), 0), r * 0.9, 0, r * 0.5);
        }
    }
}
