package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Helicopters: one main rotor or two (tandem), skids or wheels, a round or long cabin. */
final class Helicopter extends Category {

    Helicopter() {
        super("helicopter", List.of("helicopter", "chopper", "helo", "rotorcraft", "heli"),
                Attribute.of("rotors", phrase("1", "a single main rotor", "one main rotor"),
                        phrase("2", "two rotors", "tandem rotors")),
                Attribute.of("gear", phrase("skids", "landing skids", "skids"), phrase("wheels", "wheels")),
                Attribute.of("cabin", phrase("round", "a round cabin"), phrase("long", "a long cabin")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double cabinLen = d.pick("cabin", "long", 9, 4.5), r = d.vary(1.4), y = r + 0.9;
        s.part("cabin").sphere(0, y, 0, r, r, cabinLen / 2);
        boolean tandem = d.is("rotors", "2");
        if (!tandem) {
            s.part("tail_boom").frustum(Pose.at(0, y + 0.3, -cabinLen / 2 + 0.5).rotX(-Math.PI / 2), 0.4, 0.15, 5);
            s.part("tail_rotor").box(0.3, y + 0.5, -cabinLen / 2 - 4.3, 0.1, 2.2, 0.25);
        }
        s.part("rotor");
        double[] zs = tandem ? new double[] {cabinLen / 2 - 1, -cabinLen / 2 + 1} : new double[] {0};
        for (double z : zs) {
            s.cylinder(0, y + r, z, 0.15, 0.6);
            double blade = d.vary(5.5);
            s.box(Pose.at(0, y + r + 0.65, z).rotY(d.jitter(1)), 2 * blade, 0.08, 0.35);
            s.box(Pose.at(0, y + r + 0.65, z).rotY(Math.PI / 2 + d.jitter(0.2)), 2 * blade, 0.08, 0.35);
        }
        s.part("landing_gear");
        if (d.is("gear", "skids")) {
            for (int side = -1; side <= 1; side += 2) {
                s.box(side * r * 0.8, 0.1, 0, 0.15, 0.15, cabinLen * 0.8);
                s.rod(side * r * 0.8, 0.1, 1, side * r * 0.5, y - r * 0.7, 1, 0.06);
                s.rod(side * r * 0.8, 0.1, -1, side * r * 0.5, y - r * 0.7, -1, 0.06);
            }
        } else {
            s.wheel(-r * 0.7, 0.35, cabinLen * 0.25, 0.35, 0.2);
            s.wheel(r * 0.7, 0.35, cabinLen * 0.25, 0.35, 0.2);
            s.wheel(0, 0.35, -cabinLen * 0.3, 0.35, 0.2);
        }
    }
}
