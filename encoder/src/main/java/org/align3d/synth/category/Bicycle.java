package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/** Bicycles: a diamond or step-through frame, with or without a basket, large or small wheels. */
final class Bicycle extends Category {

    Bicycle() {
        super("bicycle", List.of("bicycle", "bike", "push bike", "pedal bike", "road bike"),
                Attribute.of("frame", phrase("diamond", "a diamond frame"), phrase("step-through", "a step-through frame")),
                Attribute.presence("basket", "a basket", null),
                Attribute.of("wheels", phrase("large", "large wheels"), phrase("small", "small wheels")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double r = d.pick("wheels", "large", 0.36, 0.25), base = d.vary(1.05), t = 0.022;
        double rear = -base / 2, front = base / 2;
        s.part("wheel").wheel(0, r, rear, r, 0.05);
        s.wheel(0, r, front, r, 0.05);
        double bb = rear + base * 0.42; // bottom bracket
        double seatTop = r + 0.5, headTop = r + 0.55;
        s.part("frame");
        s.rod(0, r, rear, 0, r - 0.02, bb, t);
        s.rod(0, r - 0.02, bb, 0, seatTop, rear + base * 0.3, t);
        s.rod(0, r, rear, 0, seatTop, rear + base * 0.3, t);
        s.rod(0, r - 0.02, bb, 0, headTop - 0.1, front - 0.12, t);
        if (d.is("frame", "diamond")) {
            s.rod(0, seatTop - 0.05, rear + base * 0.3, 0, headTop - 0.05, front - 0.1, t);
        }
        s.part("fork").rod(0, r, front, 0, headTop, front - 0.12, t);
        s.part("handlebar").box(0, headTop + 0.05, front - 0.14, 0.5, 0.03, 0.03);
        s.part("saddle").box(0, seatTop + 0.05, rear + base * 0.28, 0.12, 0.05, 0.25);
        if (d.has("basket")) {
            s.part("basket").box(0, headTop - 0.05, front + 0.08, 0.35, 0.22, 0.28);
        }
    }
}
