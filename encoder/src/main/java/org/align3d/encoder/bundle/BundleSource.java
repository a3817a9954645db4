package org.align3d.encoder.bundle;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where a bundle's files are read from: a directory, or a zip archive holding the same files, either at its root
 * or all inside one top-level directory (as zipping the bundle's directory gives). Only plain file names are ever
 * opened, so nothing outside the bundle can be reached through a name.
 */
abstract sealed class BundleSource implements Closeable permits BundleSource.Directory, BundleSource.Zip {

    /** Zip archives with more entries than this are refused: a bundle has seven files. */
    static final int MAX_ZIP_ENTRIES = 64;

    /** Opens {@code path}: a {@code .zip} file, else a directory. */
    static BundleSource open(Path path) throws BundleException {
        if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".zip")) {
            return new Zip(path);
        }
        if (!Files.isDirectory(path)) {
            throw new BundleException("bundle " + path + " does not exist or is neither a directory nor a .zip file");
        }
        return new Directory(path);
    }

    abstract boolean exists(String name);

    /** The file's size in bytes (for a zip entry, as its header states; reads are limited anyway). */
    abstract long size(String name) throws IOException;

    /** The file's bytes; at most {@link ModelBundle#MAX_FILE_BYTES} are read. */
    abstract InputStream open(String name) throws IOException;

    /** A small file of the bundle, refused when larger than {@code maxBytes}. */
    byte[] readBytes(String name, int maxBytes) throws IOException {
        try (InputStream in = open(name)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException(name + " is larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    /** A text file of the bundle, refused when larger than {@code maxBytes}. */
    String readString(String name, int maxBytes) throws IOException {
        return new String(readBytes(name, maxBytes), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {}

    static final class Directory extends BundleSource {
        private final Path dir;

        Directory(Path dir) {
            this.dir = dir;
        }

        @Override
        boolean exists(String name) {
            return Files.isRegularFile(dir.resolve(name));
        }

        @Override
        long size(String name) throws IOException {
            return Files.size(dir.resolve(name));
        }

        @Override
        InputStream open(String name) throws IOException {
            return new Limited(Files.newInputStream(dir.resolve(name)), name);
        }
    }

    static final class Zip extends BundleSource {
        private final ZipFile zip;
        private final Map<String, ZipEntry> files = new HashMap<>();

        Zip(Path path) throws BundleException {
            try {
                zip = new ZipFile(path.toFile());
            } catch (IOException e) {
                throw new BundleException("bundle " + path + " is not a readable zip file: " + e.getMessage(), e);
            }
            try {
                if (zip.size() > MAX_ZIP_ENTRIES) {
                    throw new BundleException("bundle " + path + " has " + zip.size() + " entries; a bundle zip holds at most "
                        + MAX_ZIP_ENTRIES);
                }
                Map<String, ZipEntry> byPath = new HashMap<>();
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (!entry.isDirectory()) {
                        byPath.put(entry.getName(), entry);
                    }
                }
                String prefix = topLevelDirectory(byPath.keySet());
                for (Map.Entry<String, ZipEntry> e : byPath.entrySet()) {
                    String name = e.getKey();
                    if (name.startsWith(prefix)) {
                        String plain = name.substring(prefix.length());
                        if (!plain.contains("/") && !plain.contains("\\")) {
                            files.put(plain, e.getValue());
                        }
                    }
                }
            } catch (BundleException e) {
                closeQuietly();
                throw e;
            }
        }

        /** "" when the bundle's files are at the archive's root, else the one directory ("name/") holding them. */
        private static String topLevelDirectory(Set<String> paths) {
            if (paths.contains(ModelBundle.CHECKSUMS)) {
                return "";
            }
            return paths.stream().filter(p -> p.endsWith("/" + ModelBundle.CHECKSUMS) && p.indexOf('/') == p.lastIndexOf('/'))
                .map(p -> p.substring(0, p.indexOf('/') + 1)).findFirst().orElse("");
        }

        private void closeQuietly() {
            try {
                zip.close();
            } catch (IOException ignored) {
                // the archive was only read; the refusal is what matters
            }
        }

        @Override
        boolean exists(String name) {
            return files.containsKey(name);
        }

        @Override
        long size(String name) {
            return files.get(name).getSize();
        }

        @Override
        InputStream open(String name) throws IOException {
            ZipEntry entry = files.get(name);
            if (entry == null) {
                throw new IOException(name + " is not in the archive");
            }
            return new Limited(zip.getInputStream(entry), name);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** Fails a read that goes past {@link ModelBundle#MAX_FILE_BYTES}, whatever a zip header claimed. */
    private static final class Limited extends FilterInputStream {
        private final String name;
        private long read;

        Limited(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > ModelBundle.MAX_FILE_BYTES) {
                throw new IOException(name + " is larger than " + (ModelBundle.MAX_FILE_BYTES >> 20) + " MiB");
            }
        }
    }
}
