package org.align3d.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.align3d.client.bulk.AssetDocument;
import org.align3d.client.bulk.AssetSource;
import org.align3d.client.bulk.BatchBounds;
import org.align3d.client.bulk.BulkIndexer;
import org.align3d.client.bulk.IndexSummary;
import org.align3d.client.bulk.ProgressBar;
import org.align3d.client.bulk.ProgressListener;
import org.align3d.client.cli.Flags;
import org.align3d.client.cli.UsageException;
import org.align3d.client.demo.SynthAsset;
import org.align3d.client.demo.SynthCatalog;
import org.align3d.client.http.ClusterClient;
import org.align3d.client.target.IngestTarget;
import org.align3d.client.target.IngestTargetSetup;
import org.align3d.mesh.MeshLoader;
import org.align3d.mesh.MeshSource;

/**
 * {@code ./align3d bench search}: issue 6's targets measured on a node over HTTP, on Align3D-synth assets in one
 * shard. Ingest throughput through the shape_embedding pipeline next to the encoder's own time per asset (in this
 * JVM, before ingest, so the two never share the CPU); neural_shape latency p50/p99 with and without HAF rerank;
 * hard-negative accuracy of ERS + HAF against exact global kNN on the same index; bytes on disk per asset after
 * a force merge. Prints a markdown table and writes JSON.
 */
public final class SearchBenchmark {

    static final String USAGE = """
            usage: ./align3d bench search [--url URL] [--assets N] [--queries N] [--hard-negatives N] [--seed S]
                                          [--model-dir DIR] [--encoder-assets N] [--heap SIZE] [--concurrency N]
                                          [--out FILE]
              --url URL            a node with align3d; default: start one (./align3d serve on free ports, temp home)
              --assets N           Align3D-synth assets to index (default 2000; the issue's target is 100000)
              --queries N          timed queries per latency row (default 200, after 20 warm-up queries)
              --hard-negatives N   hard-negative queries per accuracy row (default 500)
              --seed S             dataset seed (default 1)
              --model-dir DIR      bundle for the in-process encoder timing (default: models/align3d-default in the
                                   repository, else the one the started node installed); none found: row skipped
              --encoder-assets N   assets the in-process encoder embeds for its timing (default 256)
              --heap SIZE          heap of the node it starts (default 2g)
              --concurrency N      bulk requests in flight while ingesting (default 1, as ./align3d index)
              --out FILE           JSON result (default bench-search.json)
            Index 'bench-search' is created (deleted first only on a node this benchmark started).""";

    static final String INDEX = "bench-search";
    static final String PIPELINE = "bench-search-shapes";
    static final int WARMUP_QUERIES = 20;
    static final String WARMUP_INDEX = "bench-search-warmup";
    static final int WARMUP_ASSETS = 64;
    /** Exact global kNN: no rerank and a candidate budget covering the whole index (capped at this). */
    static final int EXACT_CANDIDATES_CAP = 10_000;
    /** ...and every ERS leaf visited (the query's upper bound for search_leaves), so no cluster is left out. */
    static final int EXACT_LEAVES = 1 << 20;

    record Options(URI url, int assets, int queries, int hardNegatives, long seed, Path modelDir, int encoderAssets,
                   String heap, int concurrency, Path out) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (UsageException e) {
            System.err.println("align3d bench search: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (o == null) {
            System.out.println(USAGE);
            return;
        }
        Path root = Path.of(System.getProperty("align3d.root", ".")).toAbsolutePath();
        BenchNode node = null;
        try {
            URI url = o.url();
            if (url == null) {
                System.err.println("align3d bench search: starting a node...");
                node = BenchNode.start(root, o.heap());
                url = node.url;
            }
            run(o, url, root, node);
        } catch (IOException e) {
            System.err.println("align3d bench search: " + e.getMessage());
            System.exit(1);
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    /**
     * Sends {@link #WARMUP_ASSETS} other assets through the same pipeline into a scratch index, then deletes it, so
     * the timed ingest does not include loading the model on the node or compiling its code (the in-process encoder
     * timing warms up too).
     */
    private static void warmUpIngest(ClusterClient client, SynthCatalog catalog, Options o) throws Exception {
        System.err.println("align3d bench search: warming up the node's ingest on " + WARMUP_ASSETS + " assets...");
        new IngestTargetSetup(client).ensure(new IngestTarget(WARMUP_INDEX, PIPELINE, IngestTarget.DEFAULT_MODEL));
        List<SynthAsset> warm = catalog.assets(o.seed() + 1, WARMUP_ASSETS);
        new BulkIndexer(client, WARMUP_INDEX, PIPELINE, BatchBounds.DEFAULTS, o.concurrency(), ProgressListener.NONE)
                .index(new TimedAssets(warm).sources(), List.of());
        client.json("DELETE", "/" + WARMUP_INDEX, null);
    }

    private static void run(Options o, URI url, Path root, BenchNode node) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("assets", o.assets());
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("bulk_concurrency", o.concurrency());
        result.put("java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        SynthCatalog catalog = new SynthCatalog();
        List<SynthAsset> assets = catalog.assets(o.seed(), o.assets());

        Path bundle = findBundle(o, root, node);
        if (bundle != null) {
            System.err.println("align3d bench search: timing the encoder in-process on " + o.encoderAssets() + " assets (" + bundle + ")");
            MeshLoader loader = new MeshLoader();
            List<org.align3d.mesh.Mesh> meshes = new ArrayList<>();
            for (SynthAsset a : assets.subList(0, Math.min(o.encoderAssets(), assets.size()))) {
                meshes.add(loader.read(MeshSource.inline(a.id(), a.glb()))); // as the node reads them
            }
            result.put("encoder_ms_per_asset", EncoderTiming.millisPerAsset(bundle, meshes, 16));
        } else {
            System.err.println("align3d bench search: no model bundle found for the in-process encoder timing; row skipped");
        }

        try (ClusterClient client = new ClusterClient(url, Duration.ofMinutes(60))) {
            if (node != null && client.getIfExists("/" + INDEX) != null) {
                client.json("DELETE", "/" + INDEX, null);
            }
            new IngestTargetSetup(client).ensure(new IngestTarget(INDEX, PIPELINE, IngestTarget.DEFAULT_MODEL));
            warmUpIngest(client, catalog, o);
            TimedAssets timed = new TimedAssets(assets);
            long start = System.nanoTime();
            IndexSummary summary = new BulkIndexer(client, INDEX, PIPELINE, BatchBounds.DEFAULTS, o.concurrency(), ProgressBar.onStderr())
                    .index(timed.sources(), List.of());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!summary.allIndexed()) {
                summary.print(System.err);
                throw new IOException(summary.failures().size() + " assets failed to index; see above");
            }
            int indexed = summary.progress().indexed() + summary.progress().skipped();
            result.put("ingest_seconds", seconds);
            result.put("ingest_client_generation_seconds", timed.nanos / 1e9);
            result.put("ingest_assets_per_second", summary.progress().indexed() / seconds);
            result.put("ingest_ms_per_asset", seconds * 1e3 / Math.max(1, summary.progress().indexed()));

            System.err.println("align3d bench search: force merging to one segment...");
            client.json("POST", "/" + INDEX + "/_forcemerge?max_num_segments=1", null);
            client.json("POST", "/" + INDEX + "/_refresh", null);
            JsonNode cat = client.json("GET", "/_cat/indices/" + INDEX + "?bytes=b&format=json", null).get(0);
            result.put("docs", cat.path("docs.count").asLong());
            result.put("store_bytes", cat.path("store.size").asLong());
            result.put("index_bytes_per_asset", IndexSize.perDocument(client, INDEX));

            NeuralShapeSearch search = new NeuralShapeSearch(client, INDEX);
            NeuralShapeSearch.Mode rerank = new NeuralShapeSearch.Mode("ERS + HAF rerank", 10, 100, true, 0);
            NeuralShapeSearch.Mode ers = new NeuralShapeSearch.Mode("ERS, no rerank", 10, 100, false, 0);
            NeuralShapeSearch.Mode exact = new NeuralShapeSearch.Mode("exact global kNN", 10,
                    Math.max(10, Math.min(indexed, EXACT_CANDIDATES_CAP)), false, EXACT_LEAVES);
            List<String> texts = distinctTexts(assets, WARMUP_QUERIES + 2 * o.queries(), o.seed());
            for (String t : texts.subList(0, Math.min(WARMUP_QUERIES, texts.size()))) {
                search.search(t, rerank);
            }
            List<String> rest = texts.subList(Math.min(WARMUP_QUERIES, texts.size()), texts.size());
            int half = Math.min(o.queries(), rest.size() / 2);
            List<Map<String, Object>> rows = latency(search, List.of(rerank, ers), rest.subList(0, 2 * half));
            result.put("latency_rerank", rows.get(0));
            result.put("latency_no_rerank", rows.get(1));
            result.put("latency_queries", half);

            List<SynthAsset> hnQueries = HardNegativeAccuracy.queries(assets, o.hardNegatives());
            Map<String, List<SynthAsset>> groups = HardNegativeAccuracy.groups(assets);
            System.err.println("align3d bench search: hard-negative accuracy on " + hnQueries.size() + " queries...");
            Map<String, Object> accuracy = new LinkedHashMap<>();
            for (NeuralShapeSearch.Mode m : List.of(rerank, ers, exact)) {
                accuracy.put("within group, " + m.name(), HardNegativeAccuracy.measure(search, m, hnQueries, groups, true));
            }
            for (NeuralShapeSearch.Mode m : List.of(rerank, ers, exact)) {
                accuracy.put("whole index top 10, " + m.name(), HardNegativeAccuracy.measure(search, m, hnQueries, groups, false));
            }
            result.put("hard_negative_queries", hnQueries.size());
            result.put("hard_negative_accuracy", accuracy);
            result.put("exact_num_candidates", exact.numCandidates());
        }
        Files.write(o.out(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(result));
        System.out.print(table(result));
        System.out.println("JSON: " + o.out());
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "`%s Align3D-synth assets, one shard, %s cores, %s`%n%n", r.get("assets"),
                r.get("cores"), r.get("java")));
        sb.append("| measure | value |\n|---|---:|\n");
        row(sb, "ingest through the pipeline (assets/s)", "%.1f", r.get("ingest_assets_per_second"));
        row(sb, "ingest ms per asset (wall, client included)", "%.1f", r.get("ingest_ms_per_asset"));
        row(sb, "of which client generation ms per asset", "%.2f",
                ((Number) r.get("ingest_client_generation_seconds")).doubleValue() * 1e3 / ((Number) r.get("assets")).doubleValue());
        Object encoder = r.get("encoder_ms_per_asset");
        row(sb, "encoder forward ms per asset (in-process, batches of 16)", "%.1f", encoder);
        if (encoder != null) {
            row(sb, "ingest / encoder time ratio", "%.2f",
                    ((Number) r.get("ingest_ms_per_asset")).doubleValue() / ((Number) encoder).doubleValue());
        }
        for (String key : List.of("latency_rerank", "latency_no_rerank")) {
            Map<String, Object> l = (Map<String, Object>) r.get(key);
            String label = key.equals("latency_rerank") ? "with rerank (k 10, 100 candidates)" : "without rerank (k 10, 100 candidates)";
            row(sb, "neural_shape p50 ms " + label, "%.1f", l.get("p50_ms"));
            row(sb, "neural_shape p99 ms " + label, "%.1f", l.get("p99_ms"));
            row(sb, "node took p50 / p99 ms " + label, "%s", l.get("took_p50_ms") + " / " + l.get("took_p99_ms"));
        }
        Map<String, Object> acc = (Map<String, Object>) r.get("hard_negative_accuracy");
        for (Map.Entry<String, Object> e : acc.entrySet()) {
            String suffix = e.getKey().contains("exact") ? ", " + r.get("exact_num_candidates") + " candidates" : "";
            row(sb, "hard-negative accuracy, " + e.getKey() + suffix + " (" + r.get("hard_negative_queries") + " queries)",
                    "%.3f", e.getValue());
        }
        Map<String, Object> size = (Map<String, Object>) r.get("index_bytes_per_asset");
        for (Map.Entry<String, Object> e : size.entrySet()) {
            row(sb, "index bytes per asset, " + e.getKey() + " (1 segment)", "%.0f", e.getValue());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, String format, Object value) {
        sb.append("| ").append(name).append(" | ")
                .append(value == null ? "-" : String.format(Locale.ROOT, format, value)).append(" |\n");
    }

    /**
     * Latency of each mode over its own share of {@code texts}, the modes taking turns query by query, so that
     * background work left by ingest (merges, refreshes, garbage) falls on all of them alike rather than on whichever
     * ran first. Mode {@code m} gets texts {@code m, m + modes, ...}: every timed text is new to the node.
     */
    private static List<Map<String, Object>> latency(NeuralShapeSearch search, List<NeuralShapeSearch.Mode> modes,
                                                     List<String> texts) throws IOException {
        int each = texts.size() / modes.size();
        double[][] wall = new double[modes.size()][each];
        double[][] took = new double[modes.size()][each];
        for (int i = 0; i < each; i++) {
            for (int m = 0; m < modes.size(); m++) {
                NeuralShapeSearch.Result r = search.search(texts.get(i * modes.size() + m), modes.get(m));
                wall[m][i] = r.wallMillis();
                took[m][i] = r.tookMillis();
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int m = 0; m < modes.size(); m++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("queries", each);
            row.put("p50_ms", Percentiles.of(wall[m], 50));
            row.put("p99_ms", Percentiles.of(wall[m], 99));
            row.put("took_p50_ms", (long) Percentiles.of(took[m], 50));
            row.put("took_p99_ms", (long) Percentiles.of(took[m], 99));
            out.add(row);
        }
        return out;
    }

    /**
     * Distinct query texts (captions of the indexed assets, every phrasing), shuffled: each timed query is new to the
     * node, so its text encoding is part of the latency rather than served from the node's cache.
     */
    static List<String> distinctTexts(List<SynthAsset> assets, int max, long seed) {
        Set<String> set = new LinkedHashSet<>();
        for (SynthAsset a : assets) {
            a.spec().captions().forEach(c -> set.add(c.text()));
        }
        List<String> out = new ArrayList<>(set);
        Collections.shuffle(out, new Random(seed));
        return out.subList(0, Math.min(max, out.size()));
    }

    private static Path findBundle(Options o, Path root, BenchNode node) {
        List<Path> candidates = new ArrayList<>();
        if (o.modelDir() != null) {
            candidates.add(o.modelDir());
        }
        candidates.add(root.resolve("models/" + IngestTarget.DEFAULT_MODEL));
        if (node != null) {
            candidates.add(node.home.resolve("plugins/align3d/models/" + IngestTarget.DEFAULT_MODEL));
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("bundle.json"))) {
                return p;
            }
        }
        return null;
    }

    /** The assets as bulk sources, with the time spent generating their GLB bytes on the client summed up. */
    private static final class TimedAssets {
        private final List<SynthAsset> assets;
        long nanos;

        TimedAssets(List<SynthAsset> assets) {
            this.assets = assets;
        }

        List<AssetSource> sources() {
            List<AssetSource> out = new ArrayList<>(assets.size());
            for (SynthAsset a : assets) {
                out.add(new AssetSource() {
                    @Override
                    public String id() {
                        return a.id();
                    }

                    @Override
                    public long assetBytes() {
                        return a.assetBytes();
                    }

                    @Override
                    public AssetDocument load() throws IOException {
                        long t = System.nanoTime();
                        AssetDocument d = a.load();
                        nanos += System.nanoTime() - t;
                        return d;
                    }
                });
            }
            return out;
        }
    }

    static Options parse(String[] args) throws UsageException {
        URI url = null;
        int assets = 2000;
        int queries = 200;
        int hardNegatives = 500;
        long seed = 1;
        Path modelDir = null;
        int encoderAssets = 256;
        String heap = "2g";
        int concurrency = BulkIndexer.DEFAULT_CONCURRENCY;
        Path out = Path.of("bench-search.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--url" -> {
                    try {
                        url = ClusterClient.parseUrl(Flags.value(args, i++));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
                case "--assets" -> assets = Flags.intValue(args, i++, 1, 10_000_000);
                case "--queries" -> queries = Flags.intValue(args, i++, 1, 100_000);
                case "--hard-negatives" -> hardNegatives = Flags.intValue(args, i++, 0, 1_000_000);
                case "--seed" -> seed = Flags.intValue(args, i++, 0, Integer.MAX_VALUE);
                case "--model-dir" -> modelDir = Path.of(Flags.value(args, i++));
                case "--encoder-assets" -> encoderAssets = Flags.intValue(args, i++, 16, 100_000);
                case "--heap" -> {
                    heap = Flags.value(args, i++);
                    if (!heap.matches("[0-9]+[mMgG]")) {
                        throw new UsageException("--heap [" + heap + "] is not a size like 512m or 2g");
                    }
                }
                case "--concurrency" -> concurrency = Flags.intValue(args, i++, 1, BulkIndexer.MAX_CONCURRENCY);
                case "--out" -> out = Path.of(Flags.value(args, i++));
                default -> throw new UsageException("unknown flag " + args[i]);
            }
        }
        return new Options(url, assets, queries, hardNegatives, seed, modelDir, encoderAssets, heap, concurrency, out);
    }
}
