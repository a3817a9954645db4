package org.align3d.plugin.server;

import java.util.Collection;
import java.util.List;
import org.opensearch.Version;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;

/**
 * A real OpenSearch {@link Node}, the same server code the distribution runs, started in this JVM. The
 * distribution's bootstrap (native checks, security policy) is skipped; modules it would load from its
 * {@code modules/} directory are passed as classpath plugins instead, and plugins in {@code plugins/} load in
 * their own class loaders as in a cluster.
 */
final class EmbeddedNode extends Node {

    EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> classpathPlugins) {
        super(environment, describe(classpathPlugins), true);
    }

    private static List<PluginInfo> describe(Collection<Class<? extends Plugin>> plugins) {
        return plugins.stream()
            .map(p -> new PluginInfo(p.getName(), "classpath module " + p.getSimpleName(), "NA", Version.CURRENT,
                "21", p.getName(), List.of(), false))
            .toList();
    }
}
