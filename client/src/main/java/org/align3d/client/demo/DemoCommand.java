package org.align3d.client.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.align3d.client.bulk.BatchBounds;
import org.align3d.client.bulk.BulkIndexer;
import org.align3d.client.catalog.CatalogLimits;
import org.align3d.client.cli.CatalogIndexing;
import org.align3d.client.cli.Flags;
import org.align3d.client.cli.IndexOptions;
import org.align3d.client.cli.UsageException;
import org.align3d.client.http.ClusterClient;
import org.align3d.client.target.IngestTarget;

/**
 * The Java half of {@code ./align3d demo} (the launcher starts the node first): writes the demo catalog to {@code
 * DATA/demo-catalog}, indexes it into the running node, and prints example queries.
 */
public final class DemoCommand {

    static final String USAGE = """
            usage: ./align3d demo [--port N] [--data DIR] [--count N]
              --port N     HTTP port of the node the demo starts (default 9200)
              --data DIR   node home; the catalog goes to DIR/demo-catalog (default ./data)
              --count N    assets generated from Align3D-synth, across all 46 categories (default 300, at most 100000)
            Starts the node, writes the catalog (GLB files with sidecars), indexes it into the index 'demo', prints
            example queries, and keeps the node running until Ctrl-C.""";

    private record Options(URI url, Path data, int count, long seed, String index) {
    }

    private DemoCommand() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (UsageException e) {
            System.err.println("align3d demo: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        System.exit(run(options));
    }

    private static int run(Options o) {
        Path folder = o.data().resolve("demo-catalog");
        List<SynthAsset> assets = new SynthCatalog().assets(o.seed(), o.count());
        try {
            int written = new DemoCatalogWriter().write(assets, folder);
            System.err.printf("align3d demo: catalog of %d assets in %s (%d written now)%n", assets.size(), folder, written);
        } catch (IOException e) {
            System.err.println("align3d demo: cannot write the catalog to " + folder + ": " + e.getMessage());
            return 1;
        }
        IndexOptions index = new IndexOptions(folder, o.url(), new IngestTarget(o.index(), IngestTarget.DEFAULT_PIPELINE,
                IngestTarget.DEFAULT_MODEL), BatchBounds.DEFAULTS, BulkIndexer.DEFAULT_CONCURRENCY, CatalogLimits.DEFAULTS);
        int status = new CatalogIndexing(System.out, System.err, "align3d demo").run(index);
        if (status != 0) {
            return status;
        }
        System.out.println();
        System.out.println("Try these queries (index '" + o.index() + "' at " + o.url() + "):");
        System.out.println();
        System.out.print(DemoQueries.curlExamples(o.url(), o.index()));
        return 0;
    }

    private static Options parse(String[] args) throws UsageException {
        String url = IndexOptions.DEFAULT_URL;
        Path data = Path.of("data");
        int count = 300;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--url" -> url = Flags.value(args, i++);
                case "--data" -> data = Path.of(Flags.value(args, i++));
                case "--count" -> count = Flags.intValue(args, i++, 1, 100_000);
                default -> throw new UsageException("unknown flag " + args[i]);
            }
        }
        try {
            return new Options(ClusterClient.parseUrl(url), data, count, 1, "demo");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
