package org.align3d.synth.category;

import static org.align3d.synth.AttributeValue.adjective;

import java.util.List;
import org.align3d.synth.Attribute;
import org.align3d.synth.Category;
import org.align3d.synth.Design;
import org.align3d.synth.Pose;
import org.align3d.synth.ShapeBuilder;

/** Crates, open boxes of boards: slatted or solid sides, with or without a lid, deep or shallow. */
final class Crate extends Category {

    /** Board thickness: a crate is hollow. */
    private static final double BOARD = 0.018;

    Crate() {
        super("crate", List.of("crate", "wooden crate", "storage crate", "shipping crate", "packing crate"),
                Attribute.of("sides", adjective("slatted", "slatted"), adjective("solid", "solid-sided")),
                Attribute.presence("lid", "a lid", "open"),
                Attribute.of("depth", adjective("deep", "deep", "tall"), adjective("shallow", "shallow", "flat")));
    }

    @Override
    protected void build(Design d, ShapeBuilder s) {
        double w = d.vary(0.6), depth = d.vary(0.4), h = d.pick("depth", "deep", 0.45, 0.18);
        if (d.is("sides", "solid")) {
            s.part("side").openPrism(Pose.ORIGIN, new double[] {-w / 2, w / 2, w / 2, -w / 2},
                    new double[] {-depth / 2, -depth / 2, depth / 2, depth / 2}, 1, 1, h, BOARD);
        } else {
            s.part("floor").box(0, BOARD / 2, 0, w, BOARD, depth);
            s.part("side");
            int boards = 3;
            double boardH = h / (boards * 1.6);
            for (int i = 0; i < boards; i++) {
                double y = BOARD + boardH / 2 + i * (h - BOARD - boardH) / (boards - 1);
                double front = depth / 2 - BOARD / 2, side = w / 2 - BOARD / 2;
                s.box(0, y, -front, w, boardH, BOARD).box(0, y, front, w, boardH, BOARD);
                s.box(-side, y, 0, BOARD, boardH, depth).box(side, y, 0, BOARD, boardH, depth);
            }
            s.part("post");
            for (double x : new double[] {-w / 2 + 0.025, w / 2 - 0.025}) {
                for (double z : new double[] {-depth / 2 + 0.025, depth / 2 - 0.025}) {
                    s.box(x, h / 2, z, 0.04, h, 0.04);
                }
            }
        }
        if (d.has("lid")) {
            s.part("lid").box(0, h + BOARD / 2, 0, w + 0.02, BOARD, depth + 0.02);
        }
    }
}
