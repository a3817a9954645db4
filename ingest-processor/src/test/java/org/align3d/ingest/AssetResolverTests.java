package org.align3d.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.align3d.mesh.MeshSource;
import org.opensearch.test.OpenSearchTestCase;

public class AssetResolverTests extends OpenSearchTestCase {

    private static final byte[] OBJ = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".getBytes(StandardCharsets.UTF_8);

    public void testBase64AndItsObjectForm() throws Exception {
        AssetResolver r = new AssetResolver(List.of(), 1 << 20);
        String b64 = Base64.getEncoder().encodeToString(OBJ);
        assertArrayEquals(OBJ, r.resolve("asset", b64).bytes());
        MeshSource named = r.resolve("asset", Map.of("base64", b64, "name", "tri.obj"));
        assertEquals("tri.obj", named.name());
        assertArrayEquals(OBJ, named.bytes());
    }

    public void testPathsInsideARootAreRead() throws Exception {
        Path root = createTempDir();
        Files.createDirectories(root.resolve("chairs"));
        Files.write(root.resolve("chairs/tri.obj"), OBJ);
        AssetResolver r = new AssetResolver(List.of(root), 1 << 20);
        assertArrayEquals(OBJ, r.resolve("asset", "chairs/tri.obj").bytes());
        assertArrayEquals(OBJ, r.resolve("asset", Map.of("path", "chairs/tri.obj")).bytes());
    }

    public void testEscapesAreRefusedNamingTheProblem() throws Exception {
        Path root = createTempDir();
        Path outside = createTempDir();
        Files.write(outside.resolve("secret.obj"), OBJ);
        Files.createSymbolicLink(root.resolve("link.obj"), outside.resolve("secret.obj"));
        AssetResolver r = new AssetResolver(List.of(root), 1 << 20);
        assertRefused(r, "../secret.obj", "contains '..'");
        assertRefused(r, "a/../../secret.obj", "contains '..'");
        assertRefused(r, "/etc/passwd", "is absolute");
        assertRefused(r, outside.resolve("secret.obj").toString(), "is absolute");
        assertRefused(r, "link.obj", "resolves outside the asset root");
        assertRefused(r, "missing.obj", "does not exist under the asset roots");
    }

    public void testPathsAreRefusedWhenNoRootIsConfigured() {
        AssetResolver r = new AssetResolver(List.of(), 1 << 20);
        assertRefused(r, "chairs/tri.obj", "allows no asset directories");
    }

    public void testSizeLimitAndGarbage() throws Exception {
        Path root = createTempDir();
        Files.write(root.resolve("big.obj"), new byte[2048]);
        AssetResolver r = new AssetResolver(List.of(root), 1024);
        assertRefused(r, "big.obj", "has 2048 bytes; the limit is 1024");
        assertRefused(r, Base64.getEncoder().encodeToString(new byte[4096]), "larger than the limit of 1024 bytes");
        assertRefused(r, "not*base64", "neither base64 nor a mesh path");
        assertRefused(r, 42, "must hold the asset as a base64 string or a path");
        assertRefused(r, Map.of("path", "a.obj", "base64", "AAAA"), "must hold {\"path\": ...} or {\"base64\": ...}");
    }

    private static void assertRefused(AssetResolver r, Object value, String expected) {
        AssetException e = expectThrows(AssetException.class, () -> r.resolve("asset", value));
        assertTrue(e.getMessage(), e.getMessage().contains(expected));
        assertTrue(e.getMessage(), e.getMessage().contains("[asset]"));
    }
}
