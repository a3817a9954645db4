package org.align3d.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import org.align3d.client.bulk.BulkIndexer;
import org.align3d.client.bulk.IndexSummary;
import org.align3d.client.bulk.ProgressBar;
import org.align3d.client.catalog.Catalog;
import org.align3d.client.catalog.CatalogException;
import org.align3d.client.catalog.CatalogWalker;
import org.align3d.client.http.ClusterClient;
import org.align3d.client.target.IngestTargetSetup;
import org.align3d.client.target.TargetException;

/** One run of {@code ./align3d index}: walk, check the node, prepare index and pipeline, bulk, summary. */
public final class CatalogIndexing {

    /** A bulk request of 64 assets is embedded on the node's CPU; generous, but bounded. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private final PrintStream out;
    private final PrintStream err;
    private final String prog;

    public CatalogIndexing(PrintStream out, PrintStream err, String prog) {
        this.out = out;
        this.err = err;
        this.prog = prog;
    }

    /** Runs and returns the exit status: 0 all indexed, 1 some failed or the run could not complete. */
    public int run(IndexOptions options) {
        Catalog catalog;
        try {
            catalog = new CatalogWalker(options.limits()).walk(options.folder());
        } catch (CatalogException e) {
            err.println(prog + ": " + e.getMessage());
            return 1;
        }
        err.printf("%s: %d mesh files in %s%s%n", prog, catalog.size(), catalog.root(),
                catalog.failures().isEmpty() ? "" : " (" + catalog.failures().size() + " refused before sending)");
        try (ClusterClient client = new ClusterClient(options.url(), REQUEST_TIMEOUT)) {
            checkPlugin(client);
            IngestTargetSetup.Outcome setup = new IngestTargetSetup(client).ensure(options.target());
            if (setup.createdPipeline()) {
                err.println(prog + ": created ingest pipeline " + options.target().pipeline());
            }
            if (setup.createdIndex()) {
                err.println(prog + ": created index " + options.target().index());
            }
            IndexSummary summary = new BulkIndexer(client, options.target().index(), options.target().pipeline(),
                    options.bounds(), options.concurrency(), ProgressBar.onStderr()).index(catalog.entries(), catalog.failures());
            summary.print(out);
            return summary.allIndexed() ? 0 : 1;
        } catch (TargetException e) {
            err.println(prog + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println(prog + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) { // one readable line, as for every other failure, not a stack trace
            err.println(prog + ": the run stopped: " + e);
            return 1;
        }
    }

    private void checkPlugin(ClusterClient client) throws IOException, TargetException {
        JsonNode info = client.getIfExists("/_plugins/align3d?engine=false");
        if (info == null) {
            throw new TargetException("the node at " + client.base() + " answers but has no align3d plugin "
                    + "(GET _plugins/align3d is 404)");
        }
    }
}
