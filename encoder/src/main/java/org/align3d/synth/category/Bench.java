package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;
import static org.align3d.synth.AttributeValue.phrase;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/** Benches: with a backrest or backless, post legs or slab sides, long or short. */
final class Bench extends Category {

    Bench() {
        super("bench", List.of("bench", "park bench", "garden bench"),
                Attribute.presence("backrest", "a backrest", "backless"),
                Attribute.of("legs", phrase("posts", "post legs"), phrase("slabs", "slab sides", "solid side panels")),
                Attribute.of("length", adjective("long", "long"), adjective("short", "short")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double len = d.pick("length", "long", 1.8, 0.9), depth = d.vary(0.4), h = d.vary(0.45);
        s.part("seat").box(0, h, 0, len, 0.05, depth);
        s.part("leg");
        if (d.is("legs", "posts")) {
            for (int i = 0; i < 4; i++) {
                s.box((i % 2 == 0 ? -1 : 1) * (len / 2 - 0.05), (h - 0.025) / 2, (i < 2 ? -1 : 1) * (depth / 2 - 0.04),
                        0.05, h - 0.025, 0.05);
            }
        } else {
            s.box(-len / 2 + 0.06, (h - 0.025) / 2, 0, 0.05, h - 0.025, depth);
            s.box(len / 2 - 0.06, (h - 0.025) / 2, 0, 0.05, h - 0.025, depth);
        }
        if (d.has("backrest")) {
            s.part("backrest").box(0, h + 0.25, -depth / 2 + 0.02, len, 0.3, 0.04);
        }
    }
}
