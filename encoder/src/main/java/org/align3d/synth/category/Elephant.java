package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Elephants: with or without tusks, the trunk raised or hanging, large or small ears. */
final class Elephant extends Category {

    /** Trunk segments, each bent a little further than the last. */
    private static final int TRUNK_SEGMENTS = 4;

    Elephant() {
        super("elephant", List.of("elephant", "african elephant", "asian elephant"),
                Attribute.presence("tusks", "tusks", "tuskless"),
                Attribute.of("trunk", phrase("raised", "a raised trunk", "its trunk raised"),
                        phrase("hanging", "a hanging trunk", "its trunk hanging down")),
                Attribute.of("ears", phrase("large", "large ears", "big flapping ears"), phrase("small", "small ears")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        QuadrupedBody b = QuadrupedBody.build(s, d.vary(2.2), d.vary(0.62), d.vary(0.55), d.vary(0.85), 0.16, 0.2,
                0.2, 0.35, d.vary(0.42), d.vary(0.4));
        s.part("trunk");
        boolean raised = d.is("trunk", "raised");
        double x = 0, y = b.headY() - b.head() * 0.3, z = b.muzzleZ() - 0.1;
        double angle = raised ? -0.3 : -1.3, radius = 0.12, segment = d.vary(0.32);
        for (int i = 0; i < TRUNK_SEGMENTS; i++) {
            double ny = y + segment * Math.sin(angle), nz = z + segment * Math.cos(angle);
            s.frustum(Pose.along(x, y, z, x, ny, nz), radius, radius * 0.8, segment);
            y = ny;
            z = nz;
            radius *= 0.8;
            angle += raised ? 0.55 : -0.08;
        }
        double ear = d.pick("ears", "large", 0.75, 0.38);
        s.part("ear");
        for (int side = -1; side <= 1; side += 2) {
            s.box(Pose.at(side * (b.head() + 0.05), b.headY() - ear * 0.1, b.headZ() - b.headLength() * 0.5)
                    .rotY(side * 0.35), 0.06, ear, ear * 0.8);
        }
        if (d.has("tusks")) {
            s.part("tusk");
            for (int side = -1; side <= 1; side += 2) {
                double tx = side * b.head() * 0.4, ty = b.headY() - b.head() * 0.55, tz = b.muzzleZ() - 0.15;
                s.frustum(Pose.along(tx, ty, tz, tx * 1.2, ty - 0.25, tz + 0.5), 0.06, 0.02, d.vary(0.6));
            }
        }
        s.part("tail").frustum(Pose.at(0, b.bodyY() + b.radius() * 0.4, b.rearZ() + 0.05).rotX(-Math.PI + 0.2),
                0.04, 0.02, d.vary(0.6));
    }
}
