package org.align3d.ers.bench;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Benchmark vectors and queries: generated from a seed, or read from an .fvecs file (each vector a
 * little-endian int32 dimension followed by that many float32).
 */
record Dataset(String name, float[][] docs, float[][] queries) {

  static Dataset load(BenchmarkFlags flags) throws IOException {
    if (flags.dataset().startsWith("fvecs:")) {
      return fvecs(Path.of(flags.dataset().substring("fvecs:".length())), flags.vectors(), flags.queries());
    }
    Random random = new Random(flags.seed());
    int n = flags.vectors();
    int q = flags.queries();
    int dims = flags.dims();
    if (flags.dataset().equals("uniform")) {
      return new Dataset("uniform", uniform(n, dims, random), uniform(q, dims, random));
    }
    // A mixture of Gaussians: sqrt(n)/2 centres with N(0, 1) components, points at N(0, 0.5^2) around a
    // random centre; queries come from the same mixture (not from the indexed points).
    int centres = Math.max(8, (int) Math.sqrt(n) / 2);
    float[][] c = new float[centres][dims];
    for (float[] centre : c) {
      for (int d = 0; d < dims; d++) {
        centre[d] = (float) random.nextGaussian();
      }
    }
    return new Dataset("clustered", mixture(n, c, random), mixture(q, c, random));
  }

  private static float[][] uniform(int n, int dims, Random random) {
    float[][] v = new float[n][dims];
    for (float[] row : v) {
      for (int d = 0; d < dims; d++) {
        row[d] = random.nextFloat() * 2f - 1f;
      }
    }
    return v;
  }

  private static float[][] mixture(int n, float[][] centres, Random random) {
    int dims = centres[0].length;
    float[][] v = new float[n][dims];
    for (float[] row : v) {
      float[] centre = centres[random.nextInt(centres.length)];
      for (int d = 0; d < dims; d++) {
        row[d] = centre[d] + 0.5f * (float) random.nextGaussian();
      }
    }
    return v;
  }

  private static Dataset fvecs(Path path, int n, int q) throws IOException {
    float[][] docs = new float[n][];
    float[][] queries = new float[q][];
    try (InputStream raw = Files.newInputStream(path);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 20))) {
      int read = 0;
      while (read < n + q) {
        float[] v;
        try {
          v = readVector(in, path);
        } catch (EOFException e) {
          break;
        }
        if (read < n) {
          docs[read] = v;
        } else {
          queries[read - n] = v;
        }
        read++;
      }
      if (read < n + q) {
        throw new IllegalArgumentException(path + " holds " + read + " vectors; --vectors " + n + " plus --queries " + q + " needed");
      }
    }
    return new Dataset("fvecs:" + path.getFileName(), docs, queries);
  }

  private static float[] readVector(DataInputStream in, Path path) throws IOException {
    byte[] header = new byte[4];
    in.readFully(header);
    int dims = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (dims < 1 || dims > 4096) {
      throw new IllegalArgumentException(path + ": a vector claims " + dims + " dimensions; not an .fvecs file?");
    }
    byte[] body = new byte[dims * 4];
    in.readFully(body);
    float[] v = new float[dims];
    ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }

  int dims() {
    return docs[0].length;
  }
}
