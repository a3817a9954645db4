package org.align3d.mesh;

import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Reads real third-party meshes when they are installed (Debian's assimp-testmodels, libcgal-demo, glmark2-data,
 * or a directory in ALIGN3D_REAL_MESHES); skipped otherwise, since tests must not download. Files the readers
 * refuse must fail with a MeshReadException, never anything else.
 */
public class RealMeshTest {

    private static final List<Path> ROOTS = Stream.of(System.getenv("ALIGN3D_REAL_MESHES"),
                    "/usr/share/assimp-testmodels", "/usr/share/doc/libcgal-demo/examples", "/usr/share/glmark2/models")
            .filter(s -> s != null && !s.isEmpty()).map(Path::of).filter(Files::isDirectory).toList();

    @Test
    public void readsInstalledRealMeshes() throws IOException {
        assumeFalse("no real meshes installed", ROOTS.isEmpty());
        List<Path> files = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> MeshFormat.fromFileName(p.getFileName().toString()).isPresent())
                        .limit(200).forEach(files::add);
            }
        }
        assumeFalse("no mesh files under " + ROOTS, files.isEmpty());
        MeshLoader loader = new MeshLoader();
        int read = 0;
        for (Path file : files) {
            try {
                Mesh mesh = loader.read(file);
                assertTrue(file.toString(), mesh.vertexCount() > 0);
                read++;
            } catch (MeshReadException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(file.toString()));
            }
        }
        assertTrue("none of " + files.size() + " real meshes could be read", read > 0);
    }
}
