package org.align3d.ers.cluster;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.util.IORunnable;
import org.apache.lucene.util.VectorUtil;

/**
 * Random access to the vectors being clustered, by ordinal. The array returned by {@link #vector} may be
 * reused by the next call: callers that keep a vector copy it.
 */
public interface VectorSet {
  int size();

  int dimension();

  float[] vector(int ord) throws IOException;

  /** Vectors held on the heap (a flushed segment's buffered vectors). */
  static VectorSet of(List<float[]> vectors, int dimension) {
    return new VectorSet() {
      @Override
      public int size() {
        return vectors.size();
      }

      @Override
      public int dimension() {
        return dimension;
      }

      @Override
      public float[] vector(int ord) {
        return vectors.get(ord);
      }
    };
  }

  /** Vectors read off-heap from a segment's flat vector file (merges). */
  static VectorSet of(FloatVectorValues values) throws IOException {
    FloatVectorValues own = values.copy();
    return new VectorSet() {
      @Override
      public int size() {
        return own.size();
      }

      @Override
      public int dimension() {
        return own.dimension();
      }

      @Override
      public float[] vector(int ord) throws IOException {
        return own.vectorValue(ord);
      }
    };
  }

  /**
   * These vectors, running {@code check} once every {@code every} reads: a merge passes its abort check, so that
   * {@code IndexWriter.rollback()} need not wait for a whole ERS build (k-means, spills, the write), which reads the
   * vectors again and again.
   */
  default VectorSet checking(int every, IORunnable check) {
    return new Derived(this) {
      private int reads;

      @Override
      public float[] vector(int ord) throws IOException {
        if (++reads >= every) {
          reads = 0;
          check.run();
        }
        return raw.vector(ord);
      }
    };
  }

  /**
   * These vectors scaled to unit length: COSINE fields are clustered and quantized as unit vectors, so
   * that a dot product with a unit query orders them as cosine does.
   */
  default VectorSet normalized() {
    float[] scratch = new float[dimension()];
    return new Derived(this) {
      @Override
      public float[] vector(int ord) throws IOException {
        System.arraycopy(raw.vector(ord), 0, scratch, 0, scratch.length);
        return VectorUtil.l2normalize(scratch, false);
      }
    };
  }

  /** The same vectors seen another way: size and dimension are the underlying set's. */
  abstract class Derived implements VectorSet {
    final VectorSet raw;

    Derived(VectorSet raw) {
      this.raw = raw;
    }

    @Override
    public int size() {
      return raw.size();
    }

    @Override
    public int dimension() {
      return raw.dimension();
    }
  }
}
