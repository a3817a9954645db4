package org.align3d.plugin.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.opensearch.env.Environment;
import org.opensearch.monitor.jvm.JvmInfo;
import org.opensearch.monitor.os.OsProbe;
import org.opensearch.monitor.process.ProcessProbe;

/**
 * OpenSearch 3's security enforcement for the embedded node ({@code ./align3d serve --security-agent}).
 *
 * <p>OpenSearch 3 replaced the JDK SecurityManager by a java agent ({@code org.opensearch:opensearch-agent}) that
 * checks file, socket and exit calls against a policy. The distribution attaches the agent in {@code jvm.options}
 * and its bootstrap installs the policy before the node is built. When this JVM runs with the agent, {@link #install}
 * does the same by calling that bootstrap step itself, {@code org.opensearch.bootstrap.Security.configure}: the
 * node then enforces OpenSearch's own {@code security.policy}, the grants for its directories and ports, and the
 * {@code plugin-security.policy} of each plugin in {@code plugins/} for that plugin's jars, exactly as a cluster
 * does. {@code Security} is internal to OpenSearch, hence the reflection: this class follows the pinned version.
 *
 * <p>Classpath modules (transport-netty4, painless, ingest-common) run with the grants every jar of the server's
 * classpath has, which is no more than their own policies give them in a distribution.
 */
final class SecurityAgent {

    private static final String AGENT_CLASS = "org.opensearch.javaagent.Agent";
    private static final String SECURITY_CLASS = "org.opensearch.bootstrap.Security";

    private static volatile boolean enforcing;

    private SecurityAgent() {}

    /** Whether the JVM was started with {@code -javaagent:opensearch-agent-<version>.jar}. */
    static boolean attached() {
        try {
            Class.forName(AGENT_CLASS, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Whether {@link #install} has installed the policy: from then on the agent refuses what it does not grant. */
    static boolean enforcing() {
        return enforcing;
    }

    /**
     * Installs the node's policy into the agent, once per JVM; call after the plugins are in {@code plugins/} and
     * before the node is built.
     *
     * @throws ServerStartException when the agent is not attached or OpenSearch refuses the policy (a plugin's
     *                              {@code plugin-security.policy} that does not parse, say)
     */
    static void install(Environment environment) {
        if (!attached()) {
            throw new ServerStartException("the OpenSearch security agent is not attached to this JVM; start it with "
                + "./align3d serve --security-agent");
        }
        // The distribution's bootstrap starts the monitoring probes first (Bootstrap.initializeProbes): they read
        // /proc and cgroup files once, which the policy grants to no code.
        ProcessProbe.getInstance();
        OsProbe.getInstance();
        JvmInfo.jvmInfo();
        try {
            Method configure = Class.forName(SECURITY_CLASS).getDeclaredMethod("configure", Environment.class, boolean.class);
            configure.setAccessible(true);
            // true: filter the JDK's bad default permissions, the distribution's default (bootstrap.security.filter_bad_defaults)
            configure.invoke(null, environment, true);
            enforcing = true;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ServerStartException("OpenSearch refused the security policy: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new ServerStartException("this OpenSearch has no " + SECURITY_CLASS + ".configure(Environment, boolean): " + e, e);
        }
    }
}
