package org.align3d.plugin;

import java.util.Collection;
import java.util.List;
import org.align3d.plugin.engine.InferenceThreadPool;
import org.opensearch.common.settings.Settings;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;
import org.opensearch.threadpool.ThreadPool;

/** align3d registered in a real in-JVM node: its settings and its bounded inference pool. */
public class Align3dPluginSingleNodeTests extends OpenSearchSingleNodeTestCase {

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(Align3dPlugin.class);
    }

    @Override
    protected Settings nodeSettings() {
        return Settings.builder().put(super.nodeSettings()).put("align3d.device", "cpu")
            .put("thread_pool.align3d_inference.size", 2).put("thread_pool.align3d_inference.queue_size", 7).build();
    }

    public void testIndexSettingIsRegistered() {
        createIndex("shapes", Settings.builder().put("index.align3d", true).build());
        Settings s = client().admin().indices().prepareGetSettings("shapes").get().getIndexToSettings().get("shapes");
        assertEquals("true", s.get("index.align3d"));
    }

    public void testIndexSettingRefusesNonBoolean() {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
            () -> createIndex("bad", Settings.builder().put("index.align3d", "sometimes").build()));
        assertTrue(e.getMessage(), e.getMessage().contains("index.align3d"));
    }

    public void testInferencePoolIsBoundedAndConfigurable() {
        ThreadPool pool = getInstanceFromNode(ThreadPool.class);
        ThreadPool.Info info = pool.info(InferenceThreadPool.NAME);
        assertNotNull("align3d_inference pool registered", info);
        assertEquals(ThreadPool.ThreadPoolType.FIXED, info.getThreadPoolType());
        assertEquals(2, info.getMax());
        assertEquals(7, info.getQueueSize().singles());
    }
}
