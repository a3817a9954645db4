package org.align3d.ers;

import java.io.IOException;
import org.apache.lucene.store.IndexInput;

/**
 * A cursor over leaf postings blocks in the .ersp file (layout in {@link ErsVectorsFormat}): {@link #load}
 * reads a leaf's ordinals and corrections into reusable arrays; codes are read one at a time, only for
 * the entries a search scores.
 */
final class LeafPostings {
  private final IndexInput in;
  private final int codeBytes;
  private final byte[] code;
  int size;
  int[] ords = new int[0];
  float[] lower = new float[0];
  float[] upper = new float[0];
  float[] additional = new float[0];
  int[] sums = new int[0];
  private long codesStart;

  LeafPostings(IndexInput in, int codeBytes) {
    this.in = in;
    this.codeBytes = codeBytes;
    this.code = new byte[codeBytes];
  }

  IndexInput input() {
    return in;
  }

  void load(long offset, int n) throws IOException {
    if (ords.length < n) {
      ords = new int[n];
      lower = new float[n];
      upper = new float[n];
      additional = new float[n];
      sums = new int[n];
    }
    size = n;
    in.seek(offset);
    in.readInts(ords, 0, n);
    in.readFloats(lower, 0, n);
    in.readFloats(upper, 0, n);
    in.readFloats(additional, 0, n);
    in.readInts(sums, 0, n);
    codesStart = in.getFilePointer();
  }

  /** The code of entry {@code i} of the loaded leaf; the array is reused by the next call. */
  byte[] code(int i) throws IOException {
    in.seek(codesStart + (long) i * codeBytes);
    in.readBytes(code, 0, codeBytes);
    return code;
  }
}
