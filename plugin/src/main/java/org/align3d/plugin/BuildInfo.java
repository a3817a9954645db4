package org.align3d.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The plugin's version and the OpenSearch version it was built for, as Maven wrote them at build time. */
public record BuildInfo(String version, String opensearchVersion) {

    private static final String RESOURCE = "align3d-build.properties";

    public static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks " + RESOURCE + ": it was not built by Maven");
            }
            Properties p = new Properties();
            p.load(in);
            return new BuildInfo(p.getProperty("version"), p.getProperty("opensearch.version"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
