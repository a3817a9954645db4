package org.align3d.client.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.align3d.client.bulk.BatchBounds;
import org.align3d.client.bulk.BulkIndexer;
import org.align3d.client.catalog.CatalogLimits;
import org.align3d.client.http.ClusterClient;
import org.align3d.client.target.IngestTarget;

/**
 * The index command's flags, parsed and validated once; defaults are those of {@link IngestTarget}, {@link
 * BatchBounds} and {@link CatalogLimits}.
 *
 * @param folder the catalog folder
 * @param url    the node
 * @param target index, pipeline and model
 * @param bounds bulk request bounds
 * @param concurrency bulk requests in flight
 * @param limits what the walker accepts
 */
public record IndexOptions(Path folder, URI url, IngestTarget target, BatchBounds bounds, int concurrency,
                           CatalogLimits limits) {

    public static final String DEFAULT_URL = "http://127.0.0.1:9200";

    public static final String USAGE = """
            usage: ./align3d index DIR [--index NAME] [--pipeline NAME] [--url URL] [--model ID] [--up-axis y|z]
                                       [--batch-bytes N] [--batch-docs N] [--concurrency N] [--max-file-bytes N]
              DIR                  folder walked recursively for .obj .ply .stl .off .glb .gltf files (self-contained
                                   glTF only); a sidecar chair.glb.json or chair.json gives a mesh its name, tags and
                                   description: {"name": "...", "tags": ["..."], "description": "..."}
              --index NAME         index to fill, created with the catalog mapping if missing (default catalog)
              --pipeline NAME      ingest pipeline with the shape_embedding processor, created if missing
                                   (default align3d-shapes)
              --url URL            the node (default http://127.0.0.1:9200)
              --model ID           model for the shape_vector field and the processor (default align3d-default)
              --up-axis y|z        the catalog's up axis, when its files are not up along their format's convention
                                   (glTF, OBJ, PLY, OFF are read Y-up, STL Z-up); given to the pipeline it creates
              --batch-bytes N      most bytes per bulk request, e.g. 20m (default 20m; at most 90m)
              --batch-docs N       most documents per bulk request (default 64)
              --concurrency N      bulk requests in flight (default 1, at most 8); memory holds that many batches
              --max-file-bytes N   larger mesh files fail with a reason (default 64m)
            Document ids are the paths relative to DIR. Run it again after an interruption: ids already in the index
            are skipped. Exit status: 0 all indexed, 1 some failed (or the node is unreachable), 2 bad flags.""";

    /** Parses the arguments; null when help was asked for. */
    public static IndexOptions parse(String[] args) throws UsageException {
        Path folder = null;
        String url = DEFAULT_URL;
        String index = IngestTarget.DEFAULT_INDEX;
        String pipeline = IngestTarget.DEFAULT_PIPELINE;
        String model = IngestTarget.DEFAULT_MODEL;
        String upAxis = null;
        long batchBytes = BatchBounds.DEFAULT_MAX_BYTES;
        int batchDocs = BatchBounds.DEFAULT_MAX_DOCS;
        int concurrency = BulkIndexer.DEFAULT_CONCURRENCY;
        long maxFileBytes = CatalogLimits.DEFAULT_MAX_FILE_BYTES;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--index" -> index = Flags.value(args, i++);
                case "--pipeline" -> pipeline = Flags.value(args, i++);
                case "--url" -> url = Flags.value(args, i++);
                case "--model" -> model = Flags.value(args, i++);
                case "--up-axis" -> upAxis = Flags.value(args, i++).toLowerCase(Locale.ROOT);
                case "--batch-bytes" -> batchBytes = Flags.bytesValue(args, i++, 1, BatchBounds.LIMIT_MAX_BYTES);
                case "--batch-docs" -> batchDocs = Flags.intValue(args, i++, 1, BatchBounds.LIMIT_MAX_DOCS);
                case "--concurrency" -> concurrency = Flags.intValue(args, i++, 1, BulkIndexer.MAX_CONCURRENCY);
                case "--max-file-bytes" -> maxFileBytes = Flags.bytesValue(args, i++, 1, 1L << 30);
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown flag " + a);
                    }
                    if (folder != null) {
                        throw new UsageException("one folder only, got " + folder + " and " + a);
                    }
                    folder = Path.of(a);
                }
            }
        }
        if (folder == null) {
            throw new UsageException("the folder to index (DIR) is missing");
        }
        try {
            return new IndexOptions(folder, ClusterClient.parseUrl(url), new IngestTarget(index, pipeline, model, upAxis),
                    new BatchBounds(batchBytes, batchDocs), concurrency, CatalogLimits.DEFAULTS.withMaxFileBytes(maxFileBytes));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
