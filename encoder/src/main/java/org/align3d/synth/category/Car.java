package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Cars: two or four doors, with or without a spoiler, a hard roof or convertible. */
final class Car extends Category {

    Car() {
        super("car", List.of("car", "automobile", "auto", "motorcar", "passenger car"),
                Attribute.count("doors", "doors", "door", 2, 4),
                Attribute.presence("spoiler", "a spoiler", null),
                Attribute.of("roof", phrase("hard", "a hard roof", "a fixed roof"),
                        adjective("open", "convertible", "open-top")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double len = d.vary(4.4), w = d.vary(1.8), wheelR = 0.34;
        boolean fourDoors = d.count("doors") == 4;
        s.part("body").box(0, 0.65, 0, w, 0.6, len);
        double cabinLen = fourDoors ? len * 0.5 : len * 0.36;
        if (d.is("roof", "hard")) {
            s.part("roof").box(0, 1.2, -0.1, w * 0.9, 0.5, cabinLen);
        } else {
            s.part("windshield").box(Pose.at(0, 1.1, cabinLen / 2 - 0.1).rotX(-0.5), w * 0.9, 0.45, 0.05);
        }
        s.part("door");
        int doors = d.count("doors");
        for (int i = 0; i < doors; i++) {
            double side = i % 2 == 0 ? -1 : 1;
            double z = doors == 2 ? 0.2 : (i < 2 ? 0.55 : -0.5);
            s.box(side * (w / 2 + 0.01), 0.7, z, 0.02, 0.45, doors == 2 ? 1.1 : 0.9);
        }
        s.part("wheel");
        for (int i = 0; i < 4; i++) {
            s.wheel((i % 2 == 0 ? -1 : 1) * (w / 2 - 0.1), wheelR, (i < 2 ? 1 : -1) * len * 0.32, wheelR, 0.22);
        }
        if (d.has("spoiler")) {
            s.part("spoiler").box(0, 1.15, -len / 2 + 0.15, w * 0.9, 0.05, 0.3);
            s.box(-w * 0.35, 1.0, -len / 2 + 0.15, 0.05, 0.25, 0.1);
            s.box(w * 0.35, 1.0, -len / 2 + 0.15, 0.05, 0.25, 0.1);
        }
    }
}
