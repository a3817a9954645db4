package org.align3d.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.RestClient;

/**
 * {@code ./align3d serve} running as its own process on free ports, with a REST client talking to it.
 * The server installs the plugin from its zip into {@code home/plugins}, so every test through this class
 * exercises the installable zip, not classes on a test classpath. The node's output goes to
 * {@code target/e2e-logs/serve-*.log}, kept for reading after a failure and removed by {@code mvn clean}.
 */
final class ServerProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START_TIMEOUT_SECONDS = 240;

    final Path home;
    final int httpPort;
    private final Process process;
    private final Path log;
    private final RestClient client;

    private ServerProcess(Path home, int httpPort, Process process, Path log) {
        this.home = home;
        this.httpPort = httpPort;
        this.process = process;
        this.log = log;
        this.client = RestClient.builder(new HttpHost("http", "127.0.0.1", httpPort)).build();
    }

    static ServerProcess start(Path home) throws IOException, InterruptedException {
        return start(home, Map.of());
    }

    /** Starts {@code ./align3d serve} with {@code env} added to its environment and {@code flags} after its own. */
    static ServerProcess start(Path home, Map<String, String> env, String... flags) throws IOException, InterruptedException {
        int port = Launcher.freePort();
        int transport = Launcher.freePort();
        while (transport == port) { // the OS may hand the just-released port out again
            transport = Launcher.freePort();
        }
        Path logs = Files.createDirectories(Launcher.ROOT.resolve("target").resolve("e2e-logs"));
        Path log = Files.createTempFile(logs, "serve-", ".log");
        // the serve default heap, 1g: a bundle load allocated 59 MB of short-lived 1 MiB buffers in DJL's decoder
        // (about 120 MB of humongous regions) until ParameterDecoder, and the real-memory circuit breaker then tripped
        // (HTTP 429) in one run in three after the test that re-registers a bundle four times under load
        List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port),
            "--transport-port", Integer.toString(transport), "--data", home.toString()));
        args.addAll(List.of(flags));
        Process p = Launcher.command(env, args.toArray(String[]::new))
            .redirectOutput(log.toFile())
            .start();
        ServerProcess server = new ServerProcess(home, port, p, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (!server.output().contains("align3d ready at http://127.0.0.1:" + port)) {
            if (!p.isAlive()) {
                throw new AssertionError("server exited with " + p.exitValue() + " before it was ready:\n" + server.tail());
            }
            if (System.nanoTime() > deadline) {
                server.close();
                throw new AssertionError("server not ready in " + START_TIMEOUT_SECONDS + " s:\n" + server.tail());
            }
            Thread.sleep(200);
        }
        return server;
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    String tail() throws IOException {
        String s = output();
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }

    JsonNode get(String path) throws IOException {
        return json(client.performRequest(new Request("GET", path)));
    }

    String getText(String path) throws IOException {
        Response r = client.performRequest(new Request("GET", path));
        return new String(r.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
    }

    JsonNode send(String method, String path, String body) throws IOException {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        return json(client.performRequest(request));
    }

    /** Sends SIGTERM, as Ctrl-C or a service manager would, and returns once the process is gone. */
    int stop() throws IOException, InterruptedException {
        client.close();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server ignored SIGTERM for 60 s:\n" + tail());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static JsonNode json(Response response) throws IOException {
        return JSON.readTree(response.getEntity().getContent());
    }
}
