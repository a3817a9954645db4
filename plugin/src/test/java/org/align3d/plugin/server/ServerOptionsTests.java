package org.align3d.plugin.server;

import java.nio.file.Path;
import org.opensearch.test.OpenSearchTestCase;

public class ServerOptionsTests extends OpenSearchTestCase {

    public void testDefaults() {
        ServerOptions o = ServerOptions.parse(new String[0]);
        assertEquals("127.0.0.1", o.host());
        assertEquals(9200, o.httpPort());
        assertEquals("9300-9400", o.transportPort());
        assertEquals(Path.of("data").toAbsolutePath().normalize(), o.home());
        assertTrue(o.pluginZip().isEmpty());
        assertEquals(o.home().resolve("data"), o.dataPath());
    }

    public void testFlags() {
        ServerOptions o = ServerOptions.parse(new String[] {"--host", "0.0.0.0", "--port", "9201", "--transport-port", "9400-9410",
            "--data", "/tmp/x/../home", "--plugin-zip", "/tmp/a.zip", "--node-name", "n1"});
        assertEquals("0.0.0.0", o.host());
        assertEquals(9201, o.httpPort());
        assertEquals("9400-9410", o.transportPort());
        assertEquals(Path.of("/tmp/home"), o.home());
        assertEquals(Path.of("/tmp/a.zip"), o.pluginZip().orElseThrow());
        assertEquals("n1", o.nodeName());
    }

    public void testBadInputNamesTheFlag() {
        assertUsage("unknown flag --colour", "--colour", "blue");
        assertUsage("flag --port needs a value", "--port");
        assertUsage("--port [http] is not a port number", "--port", "http");
        assertUsage("--port [0] is outside 1-65535", "--port", "0");
        assertUsage("--transport-port [9400-9300] is a range whose end is below its start", "--transport-port", "9400-9300");
        assertUsage("unexpected argument [now]", "now");
    }

    public void testHelpIsUsageWithoutMessage() {
        assertNull(expectThrows(UsageException.class, () -> ServerOptions.parse(new String[] {"--help"})).getMessage());
    }

    private static void assertUsage(String expected, String... args) {
        UsageException e = expectThrows(UsageException.class, () -> ServerOptions.parse(args));
        assertEquals(expected, e.getMessage());
    }
}
