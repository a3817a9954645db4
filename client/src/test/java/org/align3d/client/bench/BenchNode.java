package org.align3d.client.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A node the benchmark starts itself: {@code ./align3d serve} on free ports with a temporary home, stopped with
 * SIGTERM (its clean stop) when closed, and its home deleted. Its output goes to {@code home/serve.log}.
 */
final class BenchNode implements AutoCloseable {

    private static final long START_SECONDS = 300;

    final Path home;
    final URI url;
    private final Process process;
    private final Path log;

    private BenchNode(Path home, URI url, Process process, Path log) {
        this.home = home;
        this.url = url;
        this.process = process;
        this.log = log;
    }

    static BenchNode start(Path root, String heap) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("align3d-bench-search");
        Path log = home.resolve("serve.log");
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(root.resolve("align3d").toString(), "serve", "--port", Integer.toString(port),
                "--transport-port", Integer.toString(freePort()), "--data", home.toString(), "--heap", heap)
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("ALIGN3D_NO_BUILD", "1");
        Process p = pb.start();
        BenchNode node = new BenchNode(home, URI.create("http://127.0.0.1:" + port), p, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("align3d ready at")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                node.close();
                throw new IOException("the benchmark's node did not start (" + (p.isAlive() ? "timeout" : "exit " + p.exitValue())
                        + "); its log: " + log);
            }
            Thread.sleep(250);
        }
        return node;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(home)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("align3d bench search: could not delete the node's home " + home + ": " + e.getMessage());
        }
    }
}
