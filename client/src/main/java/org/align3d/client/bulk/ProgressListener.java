package org.align3d.client.bulk;

/** Told after every batch, and once at the end. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void update(Progress progress) {
        }

        @Override
        public void finish(Progress progress) {
        }
    };

    void update(Progress progress);

    void finish(Progress progress);
}
