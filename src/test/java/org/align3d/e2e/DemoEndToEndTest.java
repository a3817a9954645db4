package org.align3d.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code ./align3d demo}: starts the node, writes and indexes a generated catalog, prints example queries, keeps the
 * node up, and stops it cleanly on SIGTERM (as Ctrl-C does).
 */
public class DemoEndToEndTest {

    private static final long TIMEOUT_SECONDS = 300;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void demoIndexesTheGeneratedCatalogAndStopsCleanly() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        Path log = tmp.newFile("demo.log").toPath();
        Path scratch = tmp.newFolder("tmpdir").toPath(); // where the launcher keeps the node's log while it runs
        int port = Launcher.freePort();
        Process demo = Launcher.command(Map.of("TMPDIR", scratch.toString()), "demo", "--port", Integer.toString(port), "--data", data.toString(),
                "--count", "40").redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            String out = "";
            while (!out.contains("Ctrl-C stops it")) {
                assertTrue("demo exited early:\n" + out, demo.isAlive());
                assertTrue("demo not ready in " + TIMEOUT_SECONDS + " s:\n" + out, System.nanoTime() < deadline);
                Thread.sleep(500);
                out = Files.readString(log, StandardCharsets.UTF_8);
            }
            assertTrue(out, out.contains("indexed 40, skipped 0 (already indexed), failed 0 of 40 files"));
            assertTrue(out, out.contains("\"neural_shape\""));
            assertTrue(out, out.contains("{\"term\": {\"tags\": \"chair\"}}"));
            assertTrue(Files.isRegularFile(data.resolve("demo-catalog/chair/chair-000000.glb")));
            assertTrue(Files.isRegularFile(data.resolve("demo-catalog/chair/chair-000000.glb.json")));

            try (HttpClient http = HttpClient.newHttpClient()) {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/demo/_count")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                JsonNode count = new ObjectMapper().readTree(body);
                assertEquals(body, 40, count.get("count").asInt());
            }
        } finally {
            demo.destroy(); // SIGTERM to the launcher, which stops the node
            boolean stopped = demo.waitFor(90, TimeUnit.SECONDS);
            if (!stopped) {
                demo.destroyForcibly();
            }
            assertTrue("demo ignored SIGTERM", stopped);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(out, out.contains("align3d stopped"));
        assertEquals("exit status after Ctrl-C or SIGTERM:\n" + out, 0, demo.exitValue());
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals("files the demo left in its temporary directory", List.of(), left.toList());
        }
    }

    @Test
    public void helpAndBadFlags() throws Exception {
        Launcher.Result help = Launcher.run(Map.of(), "demo", "--help");
        assertEquals(help.output(), 0, help.exitCode());
        assertTrue(help.output(), help.output().contains("usage: ./align3d demo"));
        Launcher.Result bad = Launcher.run(Map.of(), "demo", "--port", "x");
        assertEquals(bad.output(), 2, bad.exitCode());
        assertTrue(bad.output(), bad.output().contains("--port [x] is not a port number"));
    }
}
