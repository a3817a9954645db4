package org.align3d.plugin.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opensearch.Version;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.ingest.common.IngestCommonModulePlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessModulePlugin;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * {@code ./align3d serve}: a single-node OpenSearch with align3d, in one process.
 *
 * <p>The node home ({@code --data}) holds {@code data/} (indices, kept across restarts), {@code logs/},
 * {@code config/} and {@code plugins/}, where the align3d zip is installed before start. The process prints
 * {@code align3d ready at http://HOST:PORT} once the node answers, and stops cleanly on SIGINT or SIGTERM.
 * Problems a user can fix (a port in use, a data directory it cannot write, a bad flag) are reported as one
 * line on standard error with a non-zero exit status: 2 for usage, 1 for anything else.
 *
 * <p>Started with OpenSearch's java agent ({@code ./align3d serve --security-agent}), the node enforces the security
 * policies a cluster enforces, the plugin's {@code plugin-security.policy} included (see {@link SecurityAgent}).
 */
public final class Align3dServer {

    static final String READY = "align3d ready at ";
    static final String STOPPED = "align3d stopped";

    private Align3dServer() {}

    public static void main(String[] args) {
        PrintStream err = System.err;
        try {
            run(ServerOptions.parse(args));
        } catch (UsageException e) {
            if (e.getMessage() != null) {
                err.println("align3d serve: " + e.getMessage());
            }
            err.print(ServerOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
        } catch (ServerStartException e) {
            err.println("align3d serve: " + e.getMessage());
            exitWithFailure();
        }
    }

    private static void exitWithFailure() {
        if (SecurityAgent.enforcing()) {
            // Under the agent only OpenSearch's own CLI classes may call System.exit. A main method that ends by
            // throwing makes the java launcher exit with status 1; the message is already printed.
            Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> {});
            throw new ServerStartException("the node did not start");
        }
        System.exit(1);
    }

    private static void run(ServerOptions options) {
        prepareHome(options);
        requireFreePort(options.host(), options.httpPort());
        options.pluginZip().ifPresent(zip -> PluginInstaller.install(zip, "align3d", options.pluginsPath(), options.home()));

        Settings settings = nodeSettings(options);
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), options.configPath(),
            options::nodeName);
        if (SecurityAgent.attached()) {
            SecurityAgent.install(environment);
        }
        Node node;
        try {
            node = new EmbeddedNode(environment, List.of(Netty4ModulePlugin.class, PainlessModulePlugin.class,
                IngestCommonModulePlugin.class));
        } catch (RuntimeException e) {
            throw new ServerStartException("the node could not be built: " + causeChain(e), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, stopped), "align3d-shutdown"));
        try {
            node.start();
        } catch (Exception e) {
            // closed here too, not only by the shutdown hook: under the agent the JVM ends when its last thread does
            closeQuietly(node);
            throw new ServerStartException("the node did not start: " + causeChain(e), e);
        }
        System.out.println(READY + "http://" + options.host() + ":" + options.httpPort()
            + " (OpenSearch " + Version.CURRENT + ", home " + options.home()
            + (SecurityAgent.enforcing() ? ", security agent enforcing the plugins' policies" : "") + ")");
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Settings nodeSettings(ServerOptions options) {
        return Settings.builder()
            .put("path.home", options.home().toString())
            .put("path.data", options.dataPath().toString())
            .put("path.logs", options.logsPath().toString())
            .put("cluster.name", "align3d")
            .put("node.name", options.nodeName())
            .put("network.host", options.host())
            .put("http.port", options.httpPort())
            .put("transport.port", options.transportPort())
            .put("discovery.type", "single-node")
            // A development node must not turn indices read-only because the disk is 90% full.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
    }

    private static void prepareHome(ServerOptions options) {
        Path home = options.home();
        try {
            for (Path dir : List.of(home, options.dataPath(), options.logsPath(), options.pluginsPath(), options.configPath())) {
                Files.createDirectories(dir);
            }
            Path probe = Files.createTempFile(options.dataPath(), ".write-probe", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ServerStartException("data directory " + home + " is not writable: " + describe(e));
        }
    }

    private static void requireFreePort(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (BindException e) {
            throw new ServerStartException("port " + port + " on " + host + " is already in use; stop what holds it or pick another with --port");
        } catch (IOException e) {
            throw new ServerStartException("cannot bind " + host + ":" + port + ": " + describe(e));
        }
    }

    private static void stop(Node node, CountDownLatch stopped) {
        try {
            node.close();
            node.awaitClose(30, TimeUnit.SECONDS);
            System.out.println(STOPPED);
        } catch (IOException | InterruptedException e) {
            System.err.println("align3d serve: error while stopping: " + describe(e));
        } finally {
            stopped.countDown();
        }
    }

    private static void closeQuietly(Node node) {
        try {
            node.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("align3d serve: error while closing the node that did not start: " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String causeChain(Throwable e) {
        StringBuilder s = new StringBuilder(describe(e));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            s.append(" <- ").append(describe(c));
        }
        return s.toString();
    }
}
