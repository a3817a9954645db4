package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Rockets: three or four fins, one or two stages, a pointed or rounded nose. */
final class Rocket extends Category {

    Rocket() {
        super("rocket", List.of("rocket", "spacecraft", "spaceship", "launch vehicle", "space rocket"),
                Attribute.count("fins", "fins", "finned", 3, 4),
                Attribute.of("stages", phrase("1", "one stage").orAdjective("single-stage"),
                        phrase("2", "two stages").orAdjective("two-stage")),
                Attribute.of("nose", phrase("pointed", "a pointed nose"), phrase("rounded", "a rounded nose")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double r = d.vary(1.0), stageH = d.vary(8);
        int stages = d.count("stages");
        double y = 0;
        s.part("body");
        for (int i = 0; i < stages; i++) {
            double ri = r * (1 - 0.25 * i);
            s.cylinder(0, y, 0, ri, stageH * (1 - 0.3 * i));
            y += stageH * (1 - 0.3 * i);
            if (i + 1 < stages) {
                s.part("interstage").frustum(Pose.at(0, y, 0), ri, ri * 0.75, 0.8);
                y += 0.8;
                s.part("body");
            }
        }
        double top = r * (stages == 2 ? 0.75 : 1);
        s.part("nose");
        if (d.is("nose", "pointed")) {
            s.frustum(Pose.at(0, y, 0), top, 0, d.vary(3.5));
        } else {
            s.sphere(0, y, 0, top, top * 1.2, top);
        }
        s.part("fin");
        int fins = d.count("fins");
        for (int i = 0; i < fins; i++) {
            double a = 2 * Math.PI * i / fins;
            s.box(Pose.at((r + 0.8) * Math.cos(a), 1.2, (r + 0.8) * Math.sin(a)).rotY(-a), 1.6, 2.4, 0.12);
        }
        s.part("nozzle").frustum(Pose.at(0, -0.8, 0), r * 0.7, r * 0.4, 0.8);
    }
}
