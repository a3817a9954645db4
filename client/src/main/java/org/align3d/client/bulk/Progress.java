package org.align3d.client.bulk;

/**
 * Where a run stands.
 *
 * @param total        assets in the run (indexable or not)
 * @param indexed      indexed by this run
 * @param skipped      already in the index (resume)
 * @param failed       refused by the walker, unreadable, or failed on the node
 * @param elapsedNanos since the run started
 */
public record Progress(int total, int indexed, int skipped, int failed, long elapsedNanos) {

    public int done() {
        return indexed + skipped + failed;
    }

    /** Documents indexed per second (skipped ones cost almost nothing and are not counted). */
    public double docsPerSecond() {
        return elapsedNanos <= 0 ? 0 : indexed / (elapsedNanos / 1e9);
    }

    public double seconds() {
        return elapsedNanos / 1e9;
    }
}
