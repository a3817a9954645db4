package org.align3d.plugin.model;

import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A loaded model and the requests using it. Re-registering a bundle id replaces its model while embeddings, queries
 * and segmentations may still be running on the old one; the old model is therefore retired, not closed, and closes
 * when its last user releases it. Each load gets a generation, a node-wide sequence number, so results cached per
 * model (encoded query texts) can tell an old model's answer from the current one's.
 *
 * <p>The model is closed outside this object's lock, so {@code onClosed} may take other locks.
 *
 * @param <M> the model type (a {@code ShapeModel} in the node; anything closeable in tests)
 */
final class SharedModel<M extends AutoCloseable> {

    private static final Logger LOG = LogManager.getLogger(SharedModel.class);

    private final M model;
    private final long generation;
    private final Consumer<SharedModel<M>> onClosed;
    private int users;
    private boolean retired;
    private boolean closed;

    SharedModel(M model, long generation, Consumer<SharedModel<M>> onClosed) {
        this.model = model;
        this.generation = generation;
        this.onClosed = onClosed;
    }

    M model() {
        return model;
    }

    long generation() {
        return generation;
    }

    /** Counts one more user; false when the model was retired meanwhile, so the caller looks up its successor. */
    synchronized boolean acquire() {
        if (retired) {
            return false;
        }
        users++;
        return true;
    }

    void release() {
        synchronized (this) {
            if (users == 0) {
                throw new IllegalStateException("model generation " + generation + " released more often than acquired");
            }
            users--;
        }
        closeIfUnused();
    }

    /** No new users from now on; closes now if nobody uses the model, else when the last user releases it. */
    void retire() {
        synchronized (this) {
            retired = true;
        }
        closeIfUnused();
    }

    /** Requests using the model now. */
    synchronized int users() {
        return users;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /**
     * A failure to free the model is logged, not thrown: it must not turn the request that happened to release it
     * last, or the registration that retired it, into a failure.
     */
    private void closeIfUnused() {
        synchronized (this) {
            if (!retired || users > 0 || closed) {
                return;
            }
            closed = true;
        }
        try {
            model.close();
        } catch (Exception e) {
            LOG.warn("closing retired model generation {} failed; its memory may not be freed", generation, e);
        }
        onClosed.accept(this);
    }
}
