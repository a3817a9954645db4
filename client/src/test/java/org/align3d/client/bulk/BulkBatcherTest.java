package org.align3d.client.bulk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class BulkBatcherTest {

    private record Sized(String id, long assetBytes) implements AssetSource {
        @Override
        public AssetDocument load() {
            throw new UnsupportedOperationException();
        }
    }

    private static List<Sized> assets(long... sizes) {
        List<Sized> out = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            out.add(new Sized("a" + i, sizes[i]));
        }
        return out;
    }

    private static List<Integer> sizes(List<List<Sized>> batches) {
        return batches.stream().map(List::size).toList();
    }

    @Test
    public void requestBytesAreBase64PlusMetadata() {
        assertEquals(BulkBatcher.METADATA_BYTES, BulkBatcher.requestBytes(0));
        assertEquals(4 + BulkBatcher.METADATA_BYTES, BulkBatcher.requestBytes(1));
        assertEquals(4 + BulkBatcher.METADATA_BYTES, BulkBatcher.requestBytes(3));
        assertEquals(8 + BulkBatcher.METADATA_BYTES, BulkBatcher.requestBytes(4));
    }

    @Test
    public void documentBoundClosesBatches() {
        long[] small = new long[10];
        assertEquals(List.of(4, 4, 2), sizes(new BulkBatcher(new BatchBounds(1 << 20, 4)).batches(assets(small))));
    }

    @Test
    public void byteBoundClosesBatchesBeforeTheyPassIt() {
        long each = 3000; // 4000 bytes base64 + metadata
        long perDoc = BulkBatcher.requestBytes(each);
        BatchBounds bounds = new BatchBounds(3 * perDoc, 100);
        List<List<Sized>> batches = new BulkBatcher(bounds).batches(assets(each, each, each, each, each, each, each));
        assertEquals(List.of(3, 3, 1), sizes(batches));
        bounds = new BatchBounds(3 * perDoc - 1, 100);
        assertEquals(List.of(2, 2, 2, 1), sizes(new BulkBatcher(bounds).batches(assets(each, each, each, each, each, each, each))));
    }

    private record Described(String id, long assetBytes, long fieldBytes) implements AssetSource {
        @Override
        public AssetDocument load() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    public void longDescriptionsCountAgainstTheByteBound() {
        long perMesh = BulkBatcher.requestBytes(1000);
        BatchBounds bounds = new BatchBounds(4 * perMesh, 100);
        List<Described> plain = List.of(new Described("a", 1000, 0), new Described("b", 1000, 0), new Described("c", 1000, 0));
        assertEquals(List.of(3), new BulkBatcher(bounds).batches(plain).stream().map(List::size).toList());
        // a 32,000-character description is about 96 KB of request: the same meshes no longer fit one batch
        List<Described> described = List.of(new Described("a", 1000, 96_000), new Described("b", 1000, 0),
            new Described("c", 1000, 0));
        assertEquals(List.of(1, 2), new BulkBatcher(bounds).batches(described).stream().map(List::size).toList());
    }

    @Test
    public void aDocumentLargerThanTheByteBoundGoesAlone() {
        BatchBounds bounds = new BatchBounds(10_000, 100);
        List<List<Sized>> batches = new BulkBatcher(bounds).batches(assets(100, 50_000, 100, 100));
        assertEquals(List.of(1, 1, 2), sizes(batches));
        assertEquals("a1", batches.get(1).get(0).id());
    }

    @Test
    public void orderIsKeptAndNothingIsLost() {
        long[] sizes = new long[1000];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = (i * 7919L) % 20_000;
        }
        BatchBounds bounds = new BatchBounds(100_000, 16);
        List<String> flat = new ArrayList<>();
        for (List<Sized> b : new BulkBatcher(bounds).batches(assets(sizes))) {
            assertTrue(b.size() <= 16);
            long bytes = b.stream().mapToLong(s -> BulkBatcher.requestBytes(s.assetBytes())).sum();
            assertTrue(bytes + " in a batch", b.size() == 1 || bytes <= 100_000);
            b.forEach(s -> flat.add(s.id()));
        }
        assertEquals(assets(sizes).stream().map(Sized::id).toList(), flat);
    }

    @Test
    public void noAssetsNoBatches() {
        assertEquals(List.of(), new BulkBatcher(BatchBounds.DEFAULTS).batches(List.<Sized>of()));
    }

    @Test(expected = IllegalArgumentException.class)
    public void boundsAreLimited() {
        new BatchBounds(BatchBounds.LIMIT_MAX_BYTES + 1, 10);
    }
}
