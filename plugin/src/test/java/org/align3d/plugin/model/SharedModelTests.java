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

    public void testRetiredWhileInUseClosesWhenTheLastUserReleases() {
        Closes model = new Closes();
        SharedModel<Closes> shared = new SharedModel<>(model, 7);
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
    }

    public void testRetiredUnusedClosesAtOnce() {
        Closes model = new Closes();
        SharedModel<Closes> shared = new SharedModel<>(model, 1);
        shared.acquire();
        shared.release();
        assertEquals("in service: released is not closed", 0, model.count.get());
        shared.retire();
        assertEquals(1, model.count.get());
    }

    public void testReleaseWithoutAcquireIsAnError() {
        SharedModel<Closes> shared = new SharedModel<>(new Closes(), 3);
        IllegalStateException e = expectThrows(IllegalStateException.class, shared::release);
        assertEquals("model generation 3 released more often than acquired", e.getMessage());
    }

    public void testConcurrentUsersAndRetireCloseExactlyOnceAfterAll() throws Exception {
        Closes model = new Closes();
        SharedModel<Closes> shared = new SharedModel<>(model, 1);
        int threads = 8;
        CountDownLatch started = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger usedWhileClosed = new AtomicInteger();
        Thread[] users = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            users[t] = new Thread(() -> {
                started.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 1000; i++) {
                    if (!shared.acquire()) {
                        return;
                    }
                    if (model.count.get() != 0) {
                        usedWhileClosed.incrementAndGet();
                    }
                    shared.release();
                }
            });
            users[t].start();
        }
        started.await();
        go.countDown();
        shared.retire();
        for (Thread u : users) {
            u.join();
        }
        assertEquals("a user saw the model closed", 0, usedWhileClosed.get());
        assertEquals(1, model.count.get());
    }
}
