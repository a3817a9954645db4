package org.align3d.plugin;

import java.io.FilePermission;
import java.net.SocketPermission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AllPermission;
import java.security.CodeSource;
import java.security.PermissionCollection;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.PropertyPermission;
import org.opensearch.secure_sm.policy.PolicyFile;
import org.opensearch.test.OpenSearchTestCase;

/**
 * The zip's {@code plugin-security.policy} read by OpenSearch's own policy parser (the one the node's bootstrap uses):
 * every line it declares survives parsing, and it grants what align3d needs and nothing broader. That the grants
 * suffice on a node enforcing them is the end-to-end {@code SecurityAgentEndToEndTest}.
 */
public class PluginSecurityPolicyTests extends OpenSearchTestCase {

    private static final Path POLICY = Path.of("src/main/plugin-metadata/plugin-security.policy");

    public void testTheParserKeepsEveryDeclaredPermission() throws Exception {
        long declared = Files.readAllLines(POLICY).stream().map(String::strip).filter(l -> l.startsWith("permission ")).count();
        PermissionCollection granted = parse(Map.of());
        assertEquals("a permission class the parser does not know is dropped silently", declared,
            Collections.list(granted.elements()).size());
    }

    public void testGrantsDjlCacheAndAssetDirectoriesNamedByProperties() throws Exception {
        PermissionCollection p = parse(Map.of("DJL_CACHE_DIR", "/var/cache/djl", "align3d.assets.dir", "/srv/assets"));
        assertTrue(p.implies(new FilePermission("/var/cache/djl/pytorch/2.7.1-cpu/libtorch_cpu.so", "read,write,delete")));
        assertTrue(p.implies(new FilePermission("/srv/assets/chairs/eames.glb", "read")));
        assertFalse(p.implies(new FilePermission("/srv/assets/chairs/eames.glb", "write")));
        assertFalse(p.implies(new FilePermission("/srv/other/eames.glb", "read")));
        String home = System.getProperty("user.home");
        assertTrue(p.implies(new FilePermission(home + "/.djl.ai/tokenizers/libtokenizers.so", "read,write,delete")));
        assertTrue(p.implies(new RuntimePermission("loadLibrary./var/cache/djl/pytorch/2.7.1-cpu/libtorch_cpu.so")));
        assertTrue(p.implies(new PropertyPermission("ai.djl.offline", "write")));
    }

    public void testUnsetPropertiesGrantNothingAndNothingIsBroad() throws Exception {
        PermissionCollection p = parse(Map.of());
        assertFalse(p.implies(new FilePermission("/srv/assets/chairs/eames.glb", "read")));
        assertFalse(p.implies(new FilePermission("/etc/passwd", "read")));
        assertFalse(p.implies(new FilePermission(System.getProperty("user.home") + "/.ssh/id_rsa", "read")));
        assertFalse(p.implies(new FilePermission("<<ALL FILES>>", "read")));
        assertFalse(p.implies(new SocketPermission("example.com:443", "connect")));
        assertFalse(p.implies(new AllPermission()));
        assertFalse(p.implies(new PropertyPermission("java.home", "write")));
        assertFalse(p.implies(new RuntimePermission("exitVM.0")));
    }

    /** The permissions the policy gives any jar of the plugin, parsed with {@code properties} set as JVM properties. */
    @SuppressWarnings("removal") // PolicyFile extends java.security.Policy, as OpenSearch 3.8 does
    private static PermissionCollection parse(Map<String, String> properties) throws Exception {
        Map<String, String> previous = new HashMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            previous.put(e.getKey(), System.setProperty(e.getKey(), e.getValue()));
        }
        try {
            PolicyFile policy = new PolicyFile(POLICY.toUri().toURL());
            return policy.getPermissions(new CodeSource(Path.of("plugins/align3d/api-0.35.1.jar").toUri().toURL(), (Certificate[]) null));
        } finally {
            for (Map.Entry<String, String> e : previous.entrySet()) {
                if (e.getValue() == null) {
                    System.clearProperty(e.getKey());
                } else {
                    System.setProperty(e.getKey(), e.getValue());
                }
            }
        }
    }
}
