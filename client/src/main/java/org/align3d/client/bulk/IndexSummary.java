package org.align3d.client.bulk;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What a run did.
 *
 * @param progress the final counts
 * @param failures every asset not indexed, with its reason, in catalog order
 */
public record IndexSummary(Progress progress, List<AssetFailure> failures) {

    private static final String COUNTS =
            "indexed %d, skipped %d (already indexed), failed %d of %d files in %.1f s (%.1f docs/s)";

    public IndexSummary {
        failures = List.copyOf(failures);
    }

    public boolean allIndexed() {
        return failures.isEmpty();
    }

    /**
     * The summary users read: one line of counts, then one line per failure. Each line goes out in one write:
     * {@code printf} writes a line piece by piece, and {@code System.out} flushes every piece, so the progress bar's
     * last line on stderr (the launcher filters stderr through {@code grep}, which delays it) could land inside it.
     */
    public void print(PrintStream out) {
        Progress p = progress;
        out.println(String.format(Locale.ROOT, COUNTS, p.indexed(), p.skipped(), p.failed(), p.total(), p.seconds(),
                p.docsPerSecond()));
        for (AssetFailure f : failures) {
            out.println("  failed " + f.id() + ": " + f.reason());
        }
    }
}
