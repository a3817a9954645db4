package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/** Trucks: two or three axles, a closed cargo box or a flatbed, a flat or long nose. */
final class Truck extends Category {

    Truck() {
        super("truck", List.of("truck", "lorry", "delivery truck", "cargo truck", "goods vehicle"),
                Attribute.count("axles", "axles", "axle", 2, 3),
                Attribute.of("cargo", phrase("box", "a cargo box", "a closed cargo box"), phrase("flatbed", "a flatbed")),
                Attribute.of("nose", phrase("flat", "a flat nose", "a cab-over front"), phrase("long", "a long hood")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double w = d.vary(2.4), bedLen = d.vary(6), wheelR = 0.5;
        boolean longNose = d.is("nose", "long");
        double cabZ = bedLen / 2 + 1.0;
        s.part("cab").box(0, 2.0, cabZ, w, 2.0, 2.0);
        if (longNose) {
            s.part("hood").box(0, 1.45, cabZ + 1.8, w * 0.9, 0.9, 1.6);
        }
        s.part("chassis").box(0, 0.9, 0.5, w * 0.8, 0.3, bedLen + 3);
        s.part("cargo");
        if (d.is("cargo", "box")) {
            s.box(0, 2.3, 0, w, 2.6, bedLen);
        } else {
            s.box(0, 1.15, 0, w, 0.2, bedLen);
        }
        s.part("wheel");
        int axles = d.count("axles");
        double[] zs = axles == 2 ? new double[] {cabZ + (longNose ? 1.2 : 0), -bedLen * 0.3}
                : new double[] {cabZ + (longNose ? 1.2 : 0), -bedLen * 0.15, -bedLen * 0.38};
        for (double z : zs) {
            s.wheel(-w / 2 + 0.15, wheelR, z, wheelR, 0.3);
            s.wheel(w / 2 - 0.15, wheelR, z, wheelR, 0.3);
        }
    }
}
