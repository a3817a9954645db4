package org.align3d.client.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.align3d.client.bulk.AssetFailure;

/**
 * Walks a catalog folder recursively and lists its meshes with their metadata.
 *
 * <p>Meshes are found by extension ({@code .obj .ply .stl .off .glb .gltf}, any case). Hidden files and folders
 * (names starting with '.') are skipped and symbolic links are not followed, so a link cannot pull files from
 * outside the folder. A mesh {@code chair.glb} takes its sidecar from {@code chair.glb.json}, else from {@code
 * chair.json}; JSON files that belong to no mesh are ignored. Each mesh's document id is its path relative to the
 * folder with {@code /} separators, so the same folder always gives the same ids, which is what resuming relies on.
 */
public final class CatalogWalker {

    public static final Set<String> MESH_EXTENSIONS = Set.of("obj", "ply", "stl", "off", "glb", "gltf");

    private final CatalogLimits limits;
    private final SidecarReader sidecars;

    public CatalogWalker(CatalogLimits limits) {
        this.limits = limits;
        this.sidecars = new SidecarReader(limits.maxSidecarBytes());
    }

    public Catalog walk(Path folder) throws CatalogException {
        if (!Files.isDirectory(folder)) {
            throw new CatalogException(folder + " is not a directory");
        }
        Path root;
        try { // a catalogue given as a symbolic link is walked from the directory it names
            root = folder.toRealPath();
        } catch (IOException e) {
            throw new CatalogException(folder + " cannot be read: " + e.getMessage());
        }
        List<Path> meshes = findMeshes(root);
        meshes.sort(Comparator.comparing(p -> id(root, p)));
        List<CatalogEntry> entries = new ArrayList<>();
        List<AssetFailure> failures = new ArrayList<>();
        for (Path mesh : meshes) {
            String id = id(root, mesh);
            try {
                entries.add(entry(root, mesh, id));
            } catch (SidecarException e) {
                failures.add(new AssetFailure(id, e.getMessage()));
            } catch (RefusedMesh e) {
                failures.add(new AssetFailure(id, e.getMessage()));
            }
        }
        return new Catalog(root, entries, failures);
    }

    private List<Path> findMeshes(Path root) throws CatalogException {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && !hidden(file) && extension(file).map(MESH_EXTENSIONS::contains).orElse(false)) {
                        if (out.size() == limits.maxFiles()) {
                            throw new TooManyFiles();
                        }
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (TooManyFiles e) {
            throw new CatalogException(root + " holds more than " + limits.maxFiles()
                    + " mesh files; index it in parts (one subfolder at a time)");
        } catch (IOException e) {
            throw new CatalogException("cannot walk " + root + ": " + e, e);
        }
        return out;
    }

    private CatalogEntry entry(Path root, Path mesh, String id) throws SidecarException, RefusedMesh {
        if (id.getBytes(StandardCharsets.UTF_8).length > CatalogLimits.MAX_ID_BYTES) {
            throw new RefusedMesh("path is longer than " + CatalogLimits.MAX_ID_BYTES
                    + " UTF-8 bytes, the longest document id OpenSearch accepts");
        }
        long size;
        try {
            size = Files.size(mesh);
        } catch (IOException e) {
            throw new RefusedMesh("cannot read size: " + e);
        }
        if (size > limits.maxFileBytes()) {
            throw new RefusedMesh("file is " + size + " bytes, more than the limit of " + limits.maxFileBytes()
                    + " (--max-file-bytes)");
        }
        if (size == 0) {
            throw new RefusedMesh("file is empty");
        }
        String format = extension(mesh).orElseThrow();
        if (format.equals("gltf")) {
            try {
                SelfContainedGltf.check(mesh);
            } catch (IOException e) {
                throw new RefusedMesh(e.getMessage());
            }
        }
        String fileName = mesh.getFileName().toString();
        String stem = fileName.substring(0, fileName.length() - format.length() - 1);
        Path specific = mesh.resolveSibling(fileName + ".json");
        Path general = mesh.resolveSibling(stem + ".json");
        Path sidecar = Files.isRegularFile(specific) ? specific : Files.isRegularFile(general) ? general : null;
        if (sidecar == null) {
            return new CatalogEntry(id, mesh, format, size, Sidecar.named(stem));
        }
        try { // a sidecar that is a link out of the catalogue would send an outside file's text to the index
            if (!sidecar.toRealPath().startsWith(root)) {
                throw new RefusedMesh("sidecar " + sidecar.getFileName() + " is a link to a file outside the catalogue folder");
            }
        } catch (IOException e) {
            throw new RefusedMesh("cannot read sidecar " + sidecar.getFileName() + ": " + e.getMessage());
        }
        return new CatalogEntry(id, mesh, format, size, sidecars.read(sidecar, id(root, sidecar), stem));
    }

    static String id(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path p : root.relativize(file)) {
            parts.add(p.toString());
        }
        return String.join("/", parts);
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }

    private static Optional<String> extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? Optional.empty() : Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** A mesh refused by a limit or rule; the walker adds the file's id to the message. */
    private static final class RefusedMesh extends Exception {
        RefusedMesh(String message) {
            super(message);
        }
    }

    private static final class TooManyFiles extends IOException {
    }
}
