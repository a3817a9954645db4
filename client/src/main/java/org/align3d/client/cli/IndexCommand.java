package org.align3d.client.cli;

/** {@code ./align3d index DIR}: indexes a folder of meshes through the shape_embedding pipeline. */
public final class IndexCommand {

    private IndexCommand() {
    }

    public static void main(String[] args) {
        IndexOptions options;
        try {
            options = IndexOptions.parse(args);
        } catch (UsageException e) {
            System.err.println("align3d index: " + e.getMessage());
            System.err.println(IndexOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(IndexOptions.USAGE);
            return;
        }
        System.exit(new CatalogIndexing(System.out, System.err, "align3d index").run(options));
    }
}
