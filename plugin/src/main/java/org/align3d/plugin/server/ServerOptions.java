package org.align3d.plugin.server;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@code ./align3d serve} runs the embedded node, parsed once from the command line.
 *
 * <pre>
 *   --host ADDR            address HTTP and transport bind to        (default 127.0.0.1)
 *   --port N               HTTP port                                  (default 9200)
 *   --transport-port SPEC  transport port or range                    (default 9300-9400)
 *   --data DIR             node home: data/, logs/, plugins/, config/ (default ./data)
 *   --plugin-zip ZIP       align3d plugin zip to install into DIR/plugins before start
 *   --node-name NAME       node name                                  (default align3d-node)
 * </pre>
 * The heap and the security agent are JVM options; the launcher's {@code --heap} and {@code --security-agent} set
 * them, and with the agent attached the server enforces the node's security policies ({@link SecurityAgent}).
 */
public record ServerOptions(String host, int httpPort, String transportPort, Path home, Optional<Path> pluginZip, String nodeName) {

    static final String USAGE = """
        usage: align3d serve [--host ADDR] [--port N] [--transport-port N|FROM-TO] [--data DIR] [--heap SIZE] [--security-agent]
          --host ADDR            address to bind (default 127.0.0.1)
          --port N               HTTP port (default 9200)
          --transport-port SPEC  transport port or range (default 9300-9400)
          --data DIR             node home; indices persist in DIR/data (default ./data)
          --heap SIZE            JVM heap, e.g. 1g or 512m (default 1g)
          --security-agent       run with OpenSearch's java agent, enforcing every plugin's plugin-security.policy
        """;

    /** Parses {@code args}; throws {@link UsageException} naming the bad flag or value. */
    public static ServerOptions parse(String[] args) {
        String host = "127.0.0.1";
        int port = 9200;
        String transport = "9300-9400";
        Path home = Path.of("data");
        Path zip = null;
        String nodeName = "align3d-node";
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException(null);
            }
            if (!flag.startsWith("--")) {
                throw new UsageException("unexpected argument [" + flag + "]");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("flag " + flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--host" -> host = value;
                case "--port" -> port = parsePort(flag, value);
                case "--transport-port" -> transport = parsePortRange(flag, value);
                case "--data" -> home = Path.of(value);
                case "--plugin-zip" -> zip = Path.of(value);
                case "--node-name" -> nodeName = value;
                default -> throw new UsageException("unknown flag " + flag);
            }
        }
        return new ServerOptions(host, port, transport, home.toAbsolutePath().normalize(), Optional.ofNullable(zip), nodeName);
    }

    public Path dataPath() {
        return home.resolve("data");
    }

    public Path logsPath() {
        return home.resolve("logs");
    }

    public Path pluginsPath() {
        return home.resolve("plugins");
    }

    public Path configPath() {
        return home.resolve("config");
    }

    private static int parsePort(String flag, String value) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " [" + value + "] is not a port number");
        }
        if (port < 1 || port > 65535) {
            throw new UsageException(flag + " [" + value + "] is outside 1-65535");
        }
        return port;
    }

    private static String parsePortRange(String flag, String value) {
        String[] ends = value.split("-", -1);
        if (ends.length > 2) {
            throw new UsageException(flag + " [" + value + "] is neither a port nor a range FROM-TO");
        }
        int from = parsePort(flag, ends[0]);
        if (ends.length == 2 && parsePort(flag, ends[1]) < from) {
            throw new UsageException(flag + " [" + value + "] is a range whose end is below its start");
        }
        return value;
    }
}
