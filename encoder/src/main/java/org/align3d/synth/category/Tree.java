package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Trees: a conical or round crown, a tall or short trunk, wide or narrow. */
final class Tree extends Category {

    Tree() {
        super("tree", List.of("tree", "shade tree", "garden tree"),
                Attribute.of("crown", phrase("cone", "a conical crown").orAdjective("conifer-like"),
                        phrase("round", "a round crown").orAdjective("leafy")),
                Attribute.of("trunk", phrase("tall", "a tall trunk"), phrase("short", "a short trunk")),
                Attribute.of("width", adjective("wide", "wide", "broad"), adjective("narrow", "narrow", "slender")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double trunkH = d.pick("trunk", "tall", 3.0, 1.0), crownR = d.pick("width", "wide", 2.2, 1.0);
        s.part("trunk").frustum(Pose.ORIGIN, d.vary(0.25), 0.15, trunkH + 0.3);
        s.part("crown");
        if (d.is("crown", "cone")) {
            s.frustum(Pose.at(0, trunkH, 0), crownR, 0, d.vary(4.0));
        } else {
            s.sphere(d.jitter(0.1), trunkH + crownR * 0.8, d.jitter(0.1), crownR, d.vary(1.8), crownR);
        }
    }
}
