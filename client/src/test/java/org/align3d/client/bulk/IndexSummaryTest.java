package org.align3d.client.bulk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class IndexSummaryTest {

    /** Records each write that reaches the file descriptor, as {@code System.out} (auto-flushing) makes them. */
    private static final class Writes extends OutputStream {
        final List<String> writes = new ArrayList<>();

        @Override
        public void write(int b) {
            writes.add(String.valueOf((char) b));
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(new String(b, off, len, StandardCharsets.UTF_8));
        }
    }

    @Test
    public void everyLineReachesTheTerminalInOneWrite() {
        Writes writes = new Writes();
        PrintStream out = new PrintStream(writes, true, StandardCharsets.UTF_8); // as System.out: auto-flushing
        new IndexSummary(new Progress(7, 5, 0, 2, 3_100_000_000L),
                List.of(new AssetFailure("a.obj", "not a mesh"), new AssetFailure("b.ply", "too many faces")))
                .print(out);
        String text = String.join("", writes.writes);
        assertTrue(text, text.startsWith("indexed 5, skipped 0 (already indexed), failed 2 of 7 files in 3.1 s"));
        for (String line : text.split("\n")) {
            assertTrue("a line written in pieces: " + writes.writes,
                    writes.writes.stream().anyMatch(w -> w.contains(line)));
        }
        assertEquals(3, text.split("\n").length);
    }

    @Test
    public void printsTheSameText() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new IndexSummary(new Progress(2, 2, 0, 0, 500_000_000L), List.of()).print(out);
        assertEquals("indexed 2, skipped 0 (already indexed), failed 0 of 2 files in 0.5 s (4.0 docs/s)"
                + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
