package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Airplanes: two or four engines, high or low wings, a T-tail or a conventional tail. */
final class Airplane extends Category {

    Airplane() {
        super("airplane", List.of("airplane", "plane", "aircraft", "jet", "aeroplane", "jet plane", "passenger plane"),
                Attribute.count("engines", "engines", "engine", 2, 4),
                Attribute.of("wings", phrase("high", "high wings", "high-mounted wings"),
                        phrase("low", "low wings", "low-mounted wings")),
                Attribute.of("tail", phrase("t", "a T-tail"), phrase("conventional", "a conventional tail")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double len = d.vary(30), r = d.vary(2.0), span = d.vary(28);
        double y = r + 1.5;
        s.part("fuselage").sphere(0, y, 0, r, r, len / 2);
        double wingY = d.is("wings", "high") ? y + r * 0.7 : y - r * 0.6;
        s.part("wing").box(0, wingY, d.jitter(0.5), span, 0.4, d.vary(4));
        s.part("engine");
        int engines = d.count("engines");
        for (int i = 0; i < engines; i++) {
            double x = (i % 2 == 0 ? -1 : 1) * span * (i < 2 ? 0.22 : 0.38);
            s.frustum(Pose.at(x, wingY - 1.0, -1.5).rotX(Math.PI / 2), 0.8, 0.7, 3.5);
        }
        double tailZ = -len / 2 + 2;
        s.part("fin").box(0, y + r + 2, tailZ, 0.3, 4.5, 3);
        double stabY = d.is("tail", "t") ? y + r + 4.2 : y + 0.5;
        s.part("stabilizer").box(0, stabY, tailZ - 0.5, d.vary(10), 0.25, 2.2);
        s.part("landing_gear").cylinder(0, 0, len * 0.3, 0.2, y - r * 0.8);
        s.cylinder(-2, 0, -1, 0.25, y - r * 0.8);
        s.cylinder(2, 0, -1, 0.25, y - r * 0.8);
    }
}
