package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.ShapeBuilder;

/** Bookshelves: two to five shelves, with or without a back panel, wide or narrow. */
final class Shelf extends Category {

    Shelf() {
        super("shelf", List.of("bookshelf", "shelf", "bookcase", "shelving unit", "storage shelf"),
                Attribute.count("shelves", "shelves", null, 2, 3, 4, 5),
                Attribute.presence("back_panel", "a back panel", "open-backed"),
                Attribute.of("width", adjective("wide", "wide"), adjective("narrow", "narrow")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        int shelves = d.count("shelves");
        double w = d.pick("width", "wide", 1.2, 0.5), depth = d.vary(0.3), gap = d.vary(0.35);
        double h = shelves * gap + 0.05;
        s.part("side").box(-w / 2, h / 2, 0, 0.03, h, depth);
        s.box(w / 2, h / 2, 0, 0.03, h, depth);
        s.part("board");
        for (int i = 0; i <= shelves; i++) {
            s.box(0, 0.025 + i * gap, 0, w, 0.03, depth);
        }
        if (d.has("back_panel")) {
            s.part("back_panel").box(0, h / 2, -depth / 2, w, h, 0.015);
        }
    }
}
