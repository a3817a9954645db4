package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Fences: picket or rail style, with or without a gate, tall or short. */
final class Fence extends Category {

    Fence() {
        super("fence", List.of("fence", "fencing", "garden fence"),
                Attribute.of("style", adjective("picket", "picket"), adjective("rail", "rail", "ranch-style")),
                Attribute.presence("gate", "a gate", null),
                Attribute.of("height", adjective("tall", "tall"), adjective("short", "short", "low")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double len = d.vary(4), h = d.pick("height", "tall", 1.8, 0.9);
        s.part("post");
        for (int i = 0; i <= 4; i++) {
            s.box(-len / 2 + len * i / 4, h / 2, 0, 0.1, h, 0.1);
        }
        s.part("rail");
        s.box(0, h * 0.3, 0.06, len, 0.08, 0.03);
        s.box(0, h * 0.75, 0.06, len, 0.08, 0.03);
        if (d.is("style", "picket")) {
            s.part("picket");
            for (double x = -len / 2 + 0.1; x < len / 2 - 0.05; x += 0.15) {
                s.box(x, h * 0.45, 0.09, 0.08, h * 0.9, 0.02);
                s.frustum(Pose.at(x, h * 0.9, 0.09), 0.045, 0, 0.08);
            }
        }
        if (d.has("gate")) {
            s.part("gate").box(len / 2 + 0.5, h * 0.45, 0.05, 0.9, h * 0.8, 0.04);
            s.part("post").box(len / 2 + 1.0, h / 2, 0, 0.1, h, 0.1);
        }
    }
}
