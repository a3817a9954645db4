package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/**
 * Locomotives: steam (a boiler, a chimney, a cab at the back) or diesel (a long hood), three or four axles, with or
 * without a cowcatcher.
 */
final class Train extends Category {

    Train() {
        super("train", List.of("train", "locomotive", "railway locomotive", "train engine", "railway engine"),
                Attribute.of("power", adjective("steam", "steam", "steam-powered"),
                        adjective("diesel", "diesel", "diesel-powered")),
                Attribute.count("axles", "axles", "axle", 3, 4),
                Attribute.presence("cowcatcher", "a cowcatcher", null));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double w = d.vary(2.8), len = d.vary(11), wheelR = 0.6, deck = 1.3;
        int axles = d.count("axles");
        s.part("frame").box(0, deck, 0, w, 0.4, len);
        s.part("wheel");
        for (int i = 0; i < axles; i++) {
            double z = -len * 0.38 + i * len * 0.76 / (axles - 1);
            s.wheel(-w / 2 + 0.2, wheelR, z, wheelR, 0.2).wheel(w / 2 - 0.2, wheelR, z, wheelR, 0.2);
        }
        if (d.is("power", "steam")) {
            double boilerR = w * 0.38;
            Pose boilerAxis = Pose.at(0, deck + 0.2 + boilerR, -len * 0.15).rotX(Math.PI / 2);
            s.part("boiler").frustum(boilerAxis, boilerR, boilerR, len * 0.62);
            s.part("chimney").frustum(Pose.at(0, deck + 0.2 + boilerR * 1.8, len * 0.38), 0.3, 0.42, 1.1);
            s.part("cab").box(0, deck + 1.6, -len * 0.34, w, 2.8, len * 0.28);
        } else {
            s.part("hood").box(0, deck + 1.3, -len * 0.05, w * 0.75, 2.2, len * 0.7);
            s.part("cab").box(0, deck + 1.6, len * 0.38, w, 2.8, len * 0.22);
        }
        if (d.has("cowcatcher")) {
            // a wedge from the buffer beam down to the rails: its side profile (local X is down, Z forward) along X
            s.part("cowcatcher").extrude(Pose.at(-w * 0.45, 0.15, len / 2).rotZ(-Math.PI / 2),
                    new double[] {0, 0, -(deck - 0.35)}, new double[] {0, 1.0, 0}, 1, 1, w * 0.9);
        }
    }
}
