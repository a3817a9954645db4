package org.align3d.synth;

import java.io.IOException;
import java.util.Map;

/** {@code ./align3d dataset}: generates Align3D-synth into a directory and prints counts per category and split. */
public final class DatasetCommand {

    private DatasetCommand() {
    }

    public static void main(String[] args) {
        DatasetOptions options;
        try {
            options = DatasetOptions.parse(args);
        } catch (DatasetOptions.UsageException e) {
            System.err.println("align3d dataset: " + e.getMessage());
            System.err.println(DatasetOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(DatasetOptions.USAGE);
            return;
        }
        long start = System.nanoTime();
        DatasetWriter.Summary summary;
        try {
            summary = new DatasetWriter(new Align3dSynth()).write(options);
        } catch (IOException e) {
            System.err.println("align3d dataset: " + e.getMessage());
            System.exit(1);
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-12s %7s %7s %7s %7s%n", "category", "train", "val", "test", "total");
        int[] totals = new int[3];
        for (Map.Entry<String, int[]> e : summary.perCategory().entrySet()) {
            int[] c = e.getValue();
            System.out.printf("%-12s %7d %7d %7d %7d%n", e.getKey(), c[0], c[1], c[2], c[0] + c[1] + c[2]);
            for (int i = 0; i < 3; i++) {
                totals[i] += c[i];
            }
        }
        System.out.printf("%-12s %7d %7d %7d %7d%n", "all", totals[0], totals[1], totals[2],
                totals[0] + totals[1] + totals[2]);
        System.out.printf("hard-negative groups: %d (%d samples)%n", summary.groups(), summary.groupMembers());
        System.out.printf("wrote %s/manifest.jsonl, %s/meshes/ (%s)%s, %s/dataset.json in %.1f s%n", options.out(),
                options.out(), options.format(), options.points() > 0 ? ", " + options.out() + "/points/" : "",
                options.out(), seconds);
    }
}
