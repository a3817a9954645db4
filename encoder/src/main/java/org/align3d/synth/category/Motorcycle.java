package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Motorcycles: with or without a fairing and a sidecar, high or low handlebars. */
final class Motorcycle extends Category {

    Motorcycle() {
        super("motorcycle", List.of("motorcycle", "motorbike"),
                Attribute.presence("fairing", "a fairing", null),
                Attribute.presence("sidecar", "a sidecar", null),
                Attribute.of("handlebars", phrase("high", "high handlebars", "tall handlebars"),
                        phrase("low", "low handlebars", "clip-on handlebars")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double r = d.vary(0.32), base = d.vary(1.45), front = base / 2, rear = -base / 2;
        s.part("wheel").wheel(0, r, rear, r, 0.13);
        s.wheel(0, r, front, r, 0.11);
        s.part("engine").box(0, r + 0.05, 0, 0.3, 0.32, 0.45);
        s.part("frame").rod(0, r + 0.2, -0.25, 0, r + 0.42, front - 0.2, 0.03).rod(0, r, rear, 0, r + 0.3, -0.2, 0.03);
        s.part("tank").sphere(0, r + 0.48, 0.12, 0.16, 0.11, 0.26);
        s.part("seat").box(0, r + 0.45, -0.35, 0.25, 0.08, 0.5);
        double barY = d.pick("handlebars", "high", r + 0.85, r + 0.6);
        s.part("fork").rod(0, r, front, 0, barY - 0.05, front - 0.2, 0.03);
        s.part("handlebar").box(0, barY, front - 0.22, 0.7, 0.035, 0.035);
        s.part("exhaust").rod(0.18, r - 0.05, 0.1, 0.18, r + 0.05, rear - 0.1, 0.04);
        if (d.has("fairing")) {
            s.part("fairing").frustum(Pose.at(0, r + 0.35, front - 0.3).rotX(Math.PI / 2 - 0.5), 0.22, 0.12, 0.35);
        }
        if (d.has("sidecar")) {
            s.part("sidecar").sphere(0.75, r + 0.25, 0.05, 0.3, 0.25, 0.65);
            s.wheel(0.75, r * 0.8, 0.05, r * 0.8, 0.1);
            s.rod(0.1, r + 0.1, 0.05, 0.55, r + 0.1, 0.05, 0.025);
        }
    }
}
