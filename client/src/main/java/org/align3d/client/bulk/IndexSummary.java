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

    public IndexSummary {
        failures = List.copyOf(failures);
    }

    public boolean allIndexed() {
        return failures.isEmpty();
    }

    /** The summary users read: one line of counts, then one line per failure. */
    public void print(PrintStream out) {
        Progress p = progress;
        out.printf(Locale.ROOT, "indexed %d, skipped %d (already indexed), failed %d of %d files in %.1f s (%.1f docs/s)%n",
                p.indexed(), p.skipped(), p.failed(), p.total(), p.seconds(), p.docsPerSecond());
        for (AssetFailure f : failures) {
            out.println("  failed " + f.id() + ": " + f.reason());
        }
    }
}
