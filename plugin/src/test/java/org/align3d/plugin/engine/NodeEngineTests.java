package org.align3d.plugin.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineInfo;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.action.ActionListener;
import org.opensearch.test.OpenSearchTestCase;

public class NodeEngineTests extends OpenSearchTestCase {

    /**
     * Requests that arrive while the engine starts are answered on the thread that started it: each must get its own
     * thread context back (its user, its tenant), not that thread's.
     */
    public void testCallersWaitingForTheStartKeepTheirOwnContext() throws Exception {
        ThreadContext context = new ThreadContext(Settings.EMPTY);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch gate = new CountDownLatch(1);
            executor.execute(() -> { // the start queues behind this, so both callers register while it is pending
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            NodeEngine engine = new NodeEngine(DevicePreference.CPU, executor, context);
            Map<String, String> seen = new ConcurrentHashMap<>();
            CountDownLatch answered = new CountDownLatch(2);
            for (String user : new String[] {"alice", "bob"}) {
                try (ThreadContext.StoredContext ignored = context.stashContext()) {
                    context.putHeader("user", user);
                    engine.engine(ActionListener.wrap(info -> {
                        seen.put(user, String.valueOf(context.getHeader("user")));
                        answered.countDown();
                    }, e -> {
                        seen.put(user, "failed: " + e);
                        answered.countDown();
                    }));
                }
            }
            gate.countDown();
            assertTrue(answered.await(120, TimeUnit.SECONDS));
            assertEquals(Map.of("alice", "alice", "bob", "bob"), seen);
        } finally {
            executor.shutdownNow();
        }
    }

    /** A queue too full to take the start fails the request (it is not left unanswered), and the next one may start it. */
    public void testAStartTheQueueRefusesFailsTheRequest() throws Exception {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown(); // refuses every task, as a full queue does
        NodeEngine engine = new NodeEngine(DevicePreference.CPU, closed, new ThreadContext(Settings.EMPTY));
        CountDownLatch answered = new CountDownLatch(1);
        Exception[] failure = new Exception[1];
        engine.engine(ActionListener.wrap((EngineInfo info) -> answered.countDown(), e -> {
            failure[0] = e;
            answered.countDown();
        }));
        assertTrue(answered.await(10, TimeUnit.SECONDS));
        assertTrue(String.valueOf(failure[0]), failure[0] instanceof java.util.concurrent.RejectedExecutionException);
    }
}
