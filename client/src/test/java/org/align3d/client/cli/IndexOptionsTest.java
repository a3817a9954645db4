package org.align3d.client.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import org.junit.Test;

public class IndexOptionsTest {

    @Test
    public void defaults() throws Exception {
        IndexOptions o = IndexOptions.parse(new String[] {"meshes"});
        assertEquals(Path.of("meshes"), o.folder());
        assertEquals("http://127.0.0.1:9200", o.url().toString());
        assertEquals("catalog", o.target().index());
        assertEquals("align3d-shapes", o.target().pipeline());
        assertEquals("align3d-default", o.target().modelId());
        assertNull(o.target().upAxis());
        assertFalse(o.target().pipelineBody().toString(), o.target().pipelineBody().toString().contains("up_axis"));
        assertEquals(20L << 20, o.bounds().maxBytes());
        assertEquals(64, o.bounds().maxDocs());
        assertEquals(1, o.concurrency());
        assertEquals(64L << 20, o.limits().maxFileBytes());
    }

    @Test
    public void flagsWithSizes() throws Exception {
        IndexOptions o = IndexOptions.parse(new String[] {"--index", "shop", "d", "--batch-bytes", "512k", "--batch-docs", "8",
            "--max-file-bytes", "1g", "--url", "http://localhost:9201/", "--pipeline", "p1", "--model", "m2"});
        assertEquals("shop", o.target().index());
        assertEquals(512 << 10, o.bounds().maxBytes());
        assertEquals(8, o.bounds().maxDocs());
        assertEquals(1L << 30, o.limits().maxFileBytes());
        assertEquals("http://localhost:9201", o.url().toString());
        assertEquals("p1", o.target().pipeline());
        assertEquals("m2", o.target().modelId());
        IndexOptions zUp = IndexOptions.parse(new String[] {"d", "--up-axis", "Z"});
        assertEquals("z", zUp.target().upAxis());
        assertEquals("z", zUp.target().pipelineBody().at("/processors/0/shape_embedding/up_axis").asText());
        assertNull(IndexOptions.parse(new String[] {"--help"}));
    }

    @Test
    public void badFlagsNameTheProblem() {
        assertUsage("the folder to index (DIR) is missing");
        assertUsage("unknown flag --colour", "d", "--colour", "red");
        assertUsage("flag --index needs a value", "d", "--index");
        assertUsage("--index [Shop] must be lowercase", "d", "--index", "Shop");
        assertUsage("--batch-bytes must be in 1..94371840 bytes, got 1g", "d", "--batch-bytes", "1g");
        assertUsage("--batch-docs [many] is not a whole number", "d", "--batch-docs", "many");
        assertUsage("--url [ftp://x] must start with http:// or https://", "d", "--url", "ftp://x");
        assertUsage("must be like http://HOST:PORT, without path", "d", "--url", "http://x:9200/catalog");
        assertUsage("--url [http://127.0.0.1:99999]: port 99999 is not in 1..65535", "d", "--url", "http://127.0.0.1:99999");
        assertUsage("one folder only", "a", "b");
        assertUsage("--up-axis [x] must be y or z", "d", "--up-axis", "x");
    }

    private static void assertUsage(String expected, String... args) {
        try {
            IndexOptions.parse(args);
            fail("accepted " + String.join(" ", args));
        } catch (UsageException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }
}
