package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Bowls, hollow: deep or shallow, with or without a foot, plain or thick rim. */
final class Bowl extends Category {

    Bowl() {
        super("bowl", List.of("bowl", "basin", "serving bowl", "salad bowl", "soup bowl"),
                Attribute.of("depth", adjective("deep", "deep"), adjective("shallow", "shallow")),
                Attribute.presence("foot", "a foot ring", "footless"),
                Attribute.of("rim", phrase("thick", "a thick rim"), phrase("thin", "a thin rim")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        // A bowl is always wider than it is deep: a rounded profile, a deep one nearly a half sphere.
        double r = d.vary(0.09), depth = d.pick("depth", "deep", 0.85, 0.35) * r;
        double lift = d.has("foot") ? 0.015 : 0;
        double[] ys = {0, 0.1, 0.3, 0.55, 0.8, 1};
        double[] rs = {0.42, 0.58, 0.76, 0.89, 0.97, 1};
        double[] heights = new double[ys.length], radii = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            heights[i] = lift + ys[i] * depth;
            radii[i] = rs[i] * r;
        }
        s.part("body").vessel(Pose.ORIGIN, heights, radii, 0.05 * r, true); // hollow, as real bowls are
        s.part("rim").torus(Pose.at(0, lift + depth, 0), r, d.is("rim", "thick") ? 0.009 : 0.003);
        if (d.has("foot")) {
            s.part("foot").cylinder(0, 0, 0, r * 0.4, lift);
        }
    }
}
