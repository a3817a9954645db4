package org.align3d.plugin.model;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.opensearch.test.OpenSearchTestCase;

public class SharedModelTests extends OpenSearchTestCase {

    /** Counts closes, so a test sees whether and how often the model was closed. */
    private static final class Closes implements AutoCloseable {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void close() {
            count.incrementAndGet();
        }
    }

    private final AtomicInteger callbacks = new AtomicInteger();
    private final java.util.function.Consumer<SharedModel<Closes>> closedOnce = m -> callbacks.incrementAndGet();

    public void testRetiredWhileInUseClosesWhenTheLastUserReleases() {
        Closes model = new Closes();
        SharedModel<Closes> shared = new SharedModel<>(model, 7, closedOnce);
        assertTrue(shared.acquire());
        assertTrue(shared.acquire());
        shared.retire();
        assertEquals("two requests still use it", 0, model.count.get());
        assertFalse("no new users once retired", shared.acquire());
        shared.release();
        assertEquals(0, model.count.get());
        shared.release();
        assertEquals(1, model.count.get());
        assertTrue(shared.isClosed());
        shared.retire();
        assertEquals("closed once", 1, model.count.get());
        assertEquals("the registry hears of it once", 1, callbacks.get());
    }

    public void testRetiredUnusedClosesAtOnce() {
        Closes model = new Closes();
        SharedModel<Closes> shared = new SharedModel<>(model, 1, closedOnce);
        shared.acquire();
        shared.release();
        assertEquals("in service: released is not closed", 0, model.count.get());
        shared.retire();
        assertEquals(1, model.count.get());
    }

    public void testAFailedCloseIsNotTheReleasingRequestsFailure() {
        SharedModel<AutoCloseable> shared = new SharedModel<>(() -> {
            throw new IllegalStateException("native memory already gone");
        }, 4, m -> callbacks.incrementAndGet());
        shared.acquire();
        shared.retire();
        shared.release(); // logged, not thrown
        assertTrue(shared.isClosed());
        assertEquals(1, callbacks.get());
    }

    public void testReleaseWithoutAcquireIsAnError() {
        SharedModel<Closes> shared = new SharedModel<>(new Closes(), 3, closedOnce);
        IllegalStateException e = expectThrows(IllegalStateException.class, shared::release);
        assertEquals("model generation 3 released more often than acquired", e.getMessage());
    }

    public void testConcurrentUsersAndRetireCloseExactlyOnceAfterAll() throws Exception {
        Closes model = new Closes();
        SharedModel<Closes> shared = new SharedModel<>(model, 1, closedOnce);
        int threads = 8;
        CountDownLatch inUse = new CountDownLatch(threads); // every thread holds the model once before the retire
        AtomicInteger usedWhileClosed = new AtomicInteger();
        AtomicInteger uses = new AtomicInteger();
        Thread[] users = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            users[t] = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    if (!shared.acquire()) {
                        return;
                    }
                    if (model.count.get() != 0) {
                        usedWhileClosed.incrementAndGet();
                    }
                    uses.incrementAndGet();
                    if (i == 0) {
                        inUse.countDown();
                    }
                    shared.release();
                }
            });
            users[t].start();
        }
        inUse.await();
        shared.retire();
        for (Thread u : users) {
            u.join();
        }
        assertTrue("every thread used the model", uses.get() >= threads);
        assertEquals("a user saw the model closed", 0, usedWhileClosed.get());
        assertEquals(1, model.count.get());
        assertEquals(1, callbacks.get());
    }
}
