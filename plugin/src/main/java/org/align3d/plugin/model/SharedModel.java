package org.align3d.plugin.model;

/**
 * A loaded model and the requests using it. Re-registering a bundle id replaces its model while embeddings, queries
 * and segmentations may still be running on the old one; the old model is therefore retired, not closed, and closes
 * when its last user releases it. Each load gets a new generation, so results cached per model (encoded query texts)
 * can tell an old model's answer from the current one's.
 *
 * @param <M> the model type (a {@code ShapeModel} in the node; anything closeable in tests)
 */
final class SharedModel<M extends AutoCloseable> {

    private final M model;
    private final long generation;
    private int users;
    private boolean retired;
    private boolean closed;

    SharedModel(M model, long generation) {
        this.model = model;
        this.generation = generation;
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

    synchronized void release() {
        if (users == 0) {
            throw new IllegalStateException("model generation " + generation + " released more often than acquired");
        }
        users--;
        closeIfUnused();
    }

    /** No new users from now on; closes now if nobody uses the model, else when the last user releases it. */
    synchronized void retire() {
        retired = true;
        closeIfUnused();
    }

    /** Requests using the model now. */
    synchronized int users() {
        return users;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void closeIfUnused() {
        if (retired && users == 0 && !closed) {
            closed = true;
            try {
                model.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing model generation " + generation + ": " + e.getMessage(), e);
            }
        }
    }
}
