package org.align3d.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.align3d.files.FileTrees;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code ./align3d serve} end to end: the node starts with align3d installed from the plugin zip (no classpath
 * plugin), answers over HTTP, runs the PyTorch engine inside the plugin's class loader, stops on SIGTERM and
 * keeps its indices across a restart.
 */
public class ServeEndToEndTest {

    private static Path home;
    private static ServerProcess server;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** JVM options an operator of a small node would set (jvm.options): one PyTorch thread within and between operations. */
    private static final Map<String, String> SMALL_NODE = Map.of("OPENSEARCH_JAVA_OPTS",
        "-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1");

    @BeforeClass
    public static void startServer() throws Exception {
        home = Files.createTempDirectory("align3d-e2e-home");
        server = ServerProcess.start(home, SMALL_NODE);
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
        if (home != null) {
            FileTrees.delete(home);
        }
    }

    @Test
    public void pluginIsInstalledFromTheZipAndListed() throws Exception {
        assertTrue("plugin dir installed from zip", Files.isRegularFile(home.resolve("plugins/align3d/plugin-descriptor.properties")));
        String plugins = server.getText("/_cat/plugins?h=component,version");
        assertTrue(plugins, plugins.lines().anyMatch(l -> l.startsWith("align3d ")));
        JsonNode nodes = server.get("/_nodes/plugins");
        JsonNode node = nodes.get("nodes").elements().next();
        boolean found = false;
        for (JsonNode p : node.get("plugins")) {
            if (p.get("name").asText().equals("align3d")) {
                found = true;
                assertEquals("org.align3d.plugin.Align3dPlugin", p.get("classname").asText());
            }
        }
        assertTrue("align3d among the node's plugins: " + node.get("plugins"), found);
    }

    @Test
    public void infoEndpointStartsThePyTorchEngineInsideThePlugin() throws Exception {
        JsonNode info = server.get("/_plugins/align3d");
        assertEquals("align3d", info.get("name").asText());
        assertEquals("3.8.0", info.get("opensearch_version").asText());
        assertEquals("auto", info.at("/settings/device").asText());
        assertEquals("PyTorch", info.at("/engine/name").asText());
        assertTrue(info.toString(), info.at("/engine/version").asText().startsWith("2.7"));
        assertEquals("cpu", info.at("/engine/device").asText());
        assertEquals(info.toString(), 1, info.at("/engine/threads/intra_op").asInt());
        assertEquals(info.toString(), 1, info.at("/engine/threads/inter_op").asInt());

        JsonNode withoutEngine = server.get("/_plugins/align3d?engine=false");
        assertFalse(withoutEngine.has("engine"));
    }

    @Test
    public void indicesSurviveARestart() throws Exception {
        server.send("PUT", "/catalog", "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
        server.send("PUT", "/catalog/_doc/chair-1?refresh=true", "{\"name\":\"office chair\",\"tags\":[\"chair\",\"office\"]}");
        assertEquals(1, server.get("/catalog/_count").get("count").asInt());

        server.stop();
        assertTrue("clean stop message:\n" + server.tail(), server.output().contains("align3d stopped"));

        server = ServerProcess.start(home, SMALL_NODE);
        server.send("GET", "/_cluster/health/catalog?wait_for_status=green&timeout=60s", null);
        assertEquals(1, server.get("/catalog/_count").get("count").asInt());
        assertEquals("office chair", server.get("/catalog/_doc/chair-1").at("/_source/name").asText());
    }
}
