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
 * Potted plants: broad or spiky leaves, a round or square pot (hollow, with soil), tall or short. Nearly half are
 * bushy: three times the leaves, spreading wider, long narrow leaves arching over.
 */
final class PottedPlant extends Category {

    private static final double WALL = 0.01;

    PottedPlant() {
        super("houseplant", List.of("houseplant", "potted plant", "house plant", "pot plant", "indoor plant"),
                Attribute.of("leaves", phrase("broad", "broad leaves", "large leaves"),
                        phrase("spiky", "spiky leaves", "long narrow leaves")),
                Attribute.of("pot", phrase("round", "a round pot"), phrase("square", "a square pot")),
                Attribute.of("height", adjective("tall", "tall"), adjective("short", "short", "low")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double potH = d.vary(0.25), potR = d.vary(0.14), plantH = d.pick("height", "tall", 0.9, 0.35);
        s.part("pot");
        if (d.is("pot", "round")) {
            s.vessel(Pose.ORIGIN, new double[] {0, potH}, new double[] {potR * 0.75, potR}, WALL, true);
        } else {
            s.openPrism(Pose.ORIGIN, new double[] {-potR, potR, potR, -potR}, new double[] {-potR, -potR, potR, potR},
                    0.85, 1, potH, WALL);
        }
        double soil = potH * 0.85;
        s.part("soil").frustum(Pose.at(0, soil - 0.02, 0), potR * 0.85, potR * 0.9, 0.02);
        boolean broad = d.is("leaves", "broad"), bushy = d.chance(0.45);
        int stems = (broad ? 5 : 9) * (bushy ? 3 : 1);
        for (int i = 0; i < stems; i++) {
            double a = 2 * Math.PI * i / stems + d.jitter(0.2);
            double lean = bushy ? 0.3 + d.vary(0.3, 0.6) : 0.25 + 0.25 * (i % 2);
            double top = soil + plantH * (0.7 + 0.3 * ((i * 7) % 3) / 2.0) * (bushy ? d.vary(0.8, 0.25) : 1);
            double x = Math.sin(a) * plantH * lean, z = Math.cos(a) * plantH * lean;
            if (broad) {
                s.part("stem").rod(0, soil, 0, x, top, z, 0.008);
                s.part("leaf").sphere(Pose.at(x, top, z).rotY(a).rotX(0.6), plantH * 0.16, 0.01, plantH * 0.26);
            } else if (bushy) { // arching: up and out, then the tip bending down and further out
                double tipX = x * 1.5, tipY = top - plantH * 0.25, tipZ = z * 1.5;
                s.part("leaf").box(blade(0, soil, 0, x, top, z), 0.03, length(x, top - soil, z), 0.006);
                s.box(blade(x, top, z, tipX, tipY, tipZ), 0.025, length(tipX - x, tipY - top, tipZ - z), 0.006);
            } else {
                s.part("leaf").box(blade(0, soil, 0, x, top, z), 0.03, length(x, top - soil, z), 0.006);
            }
        }
    }

    /** A flat blade's pose from one point to another: centred between them, its length along local +Y. */
    private static Pose blade(double x0, double y0, double z0, double x1, double y1, double z1) {
        return Pose.along(x0, y0, z0, x1, y1, z1).shift(0, length(x1 - x0, y1 - y0, z1 - z0) / 2, 0);
    }

    private static double length(double dx, double dy, double dz) {
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
