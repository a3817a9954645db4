package org.align3d.mesh;

import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.align3d.sampling.GeometryPipeline;
import org.align3d.sampling.SamplingConfig;
import org.junit.Test;

/**
 * Reads real third-party meshes when they are installed (Debian's assimp-testmodels in /usr/share/assimp/models,
 * libcgal-demo, glmark2-data, or a directory in ALIGN3D_REAL_MESHES, e.g. a {@code dpkg -x} of those packages);
 * skipped otherwise, since tests must not download. assimp's set includes deliberately broken files: those must
 * fail with a MeshReadException naming the file, never anything else; the rest must go through the whole
 * geometry pipeline into the unit sphere.
 */
public class RealMeshTest {

    private static final List<Path> ROOTS = Stream.of(System.getenv("ALIGN3D_REAL_MESHES"),
                    "/usr/share/assimp/models", "/usr/share/doc/libcgal-demo/examples", "/usr/share/glmark2/models")
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
        GeometryPipeline pipeline = new GeometryPipeline(SamplingConfig.DEFAULTS);
        int read = 0;
        for (Path file : files) {
            try {
                Mesh mesh = loader.read(file);
                assertTrue(file.toString(), mesh.vertexCount() > 0);
                float[] p = pipeline.process(mesh, 1).cloud().positions();
                for (int i = 0; i < p.length; i += 3) {
                    assertTrue(file.toString(), p[i] * p[i] + p[i + 1] * p[i + 1] + p[i + 2] * p[i + 2] <= 1.0001f);
                }
                read++;
            } catch (MeshReadException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(file.toString()));
            }
        }
        assertTrue("none of " + files.size() + " real meshes could be read", read > 0);
    }
}
