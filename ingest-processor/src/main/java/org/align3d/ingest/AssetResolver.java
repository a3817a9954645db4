package org.align3d.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.align3d.mesh.MeshSource;
import org.opensearch.secure_sm.AccessController;

/**
 * Turns the value of a document's asset field into mesh bytes, without ever reading outside what the node allows.
 *
 * <ul>
 *   <li>A string without a '.' that does not start with '/' is base64 of the file's bytes (base64 has no '.', while
 *       every mesh path has an extension); {@code {"base64": "...", "name": "chair.glb"}} is the same with a name
 *       for messages (and the way to send bytes whose base64 happens to start with '/').</li>
 *   <li>A string with a '.' or starting with '/', or {@code {"path": "chairs/eames.glb"}}, is a path relative to one of the node's
 *       {@code align3d.assets.roots}: absolute paths and any {@code ..} segment are refused, the file must resolve
 *       (symbolic links followed) inside that root, and with no roots configured paths are refused altogether.</li>
 * </ul>
 * Every asset is limited to {@code maxBytes}.
 *
 * <p>Files are read privileged, so that under OpenSearch's java agent the plugin's own grant decides (asset roots
 * inside the node's config directory, or under the JVM property {@code align3d.assets.dir}: see
 * {@code plugin-security.policy}); a read the policy denies is reported as such, naming the root.
 */
public final class AssetResolver {

    private final List<Path> roots;
    private final long maxBytes;

    public AssetResolver(List<Path> roots, long maxBytes) {
        this.roots = roots.stream().map(Path::normalize).toList();
        this.maxBytes = maxBytes;
    }

    /**
     * @param field the document field the value came from (for messages)
     * @throws AssetException naming the field and the problem
     */
    public MeshSource resolve(String field, Object value) throws AssetException {
        if (value instanceof String s) {
            return s.indexOf('.') >= 0 || s.startsWith("/") ? fromPath(field, s) : fromBase64(field, s, "field [" + field + "]");
        }
        if (value instanceof Map<?, ?> map) {
            Object path = map.get("path");
            Object base64 = map.get("base64");
            if (path instanceof String p && base64 == null) {
                return fromPath(field, p);
            }
            if (base64 instanceof String b && path == null) {
                Object name = map.get("name");
                return fromBase64(field, b, name instanceof String n ? n : "field [" + field + "]");
            }
            throw new AssetException("field [" + field + "] must hold {\"path\": ...} or {\"base64\": ...}, got keys " + map.keySet());
        }
        throw new AssetException("field [" + field + "] must hold the asset as a base64 string or a path, got "
            + (value == null ? "nothing" : value.getClass().getSimpleName()));
    }

    private MeshSource fromBase64(String field, String text, String name) throws AssetException {
        if (text.length() > maxBytes / 3 * 4 + 4) {
            throw new AssetException("field [" + field + "]: the asset is larger than the limit of " + maxBytes + " bytes");
        }
        try {
            return MeshSource.inline(name, Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new AssetException("field [" + field + "] is neither base64 nor a mesh path: " + e.getMessage());
        }
    }

    private MeshSource fromPath(String field, String text) throws AssetException {
        if (roots.isEmpty()) {
            throw new AssetException("field [" + field + "] names a file [" + text + "], but this node allows no asset "
                + "directories (set align3d.assets.roots) ; send the asset as base64 instead");
        }
        Path relative;
        try {
            relative = roots.get(0).getFileSystem().getPath(text);
        } catch (InvalidPathException e) {
            throw new AssetException("field [" + field + "]: [" + text + "] is not a valid path");
        }
        if (relative.isAbsolute()) {
            throw new AssetException("field [" + field + "]: [" + text + "] is absolute; paths must be relative to an asset root");
        }
        for (Path part : relative) {
            if (part.toString().equals("..")) {
                throw new AssetException("field [" + field + "]: [" + text + "] contains '..'; paths may not leave the asset roots");
            }
        }
        for (Path root : roots) {
            MeshSource found;
            try {
                found = AccessController.doPrivilegedChecked(() -> readUnder(root, relative, field, text));
            } catch (SecurityException e) {
                throw new AssetException("field [" + field + "]: reading [" + text + "] under the asset root " + root
                    + " was denied by the node's security policy: asset roots must lie inside the node's config directory"
                    + " or under the directory named by the JVM property align3d.assets.dir (" + firstClause(e.getMessage()) + ")");
            }
            if (found != null) {
                return found;
            }
        }
        throw new AssetException("field [" + field + "]: [" + text + "] does not exist under the asset roots " + roots);
    }

    /** The agent's message up to the protection domain it dumps over several lines. */
    private static String firstClause(String message) {
        if (message == null) {
            return "no reason given";
        }
        int domain = message.indexOf(", domain:");
        return domain < 0 ? message : message.substring(0, domain);
    }

    /** The file at {@code relative} under {@code root}, or null when there is none. */
    private MeshSource readUnder(Path root, Path relative, String field, String text) throws AssetException {
        Path candidate = root.resolve(relative).normalize();
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw new AssetException("field [" + field + "]: [" + text + "] resolves outside the asset root " + root);
            }
            if (!Files.isRegularFile(real)) {
                throw new AssetException("field [" + field + "]: [" + text + "] is not a regular file");
            }
            long size = Files.size(real);
            if (size > maxBytes) {
                throw new AssetException("field [" + field + "]: [" + text + "] has " + size + " bytes; the limit is " + maxBytes);
            }
            return new MeshSource(real.getFileName().toString(), Files.readAllBytes(real), real.getParent());
        } catch (IOException e) {
            throw new AssetException("field [" + field + "]: cannot read [" + text + "]: " + e.getMessage());
        }
    }
}
