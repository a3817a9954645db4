package org.align3d.ers;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.tests.index.BaseKnnVectorsFormatTestCase;
import org.apache.lucene.tests.util.TestUtil;

/**
 * Lucene's shared vector-format suite (merges, deletes, sorting, addIndexes, checks, exceptions) run on
 * ERS. Parameters are randomised per test, small enough that the suite's few hundred vectors still build
 * several leaves, inner nodes, graph links and spills.
 */
public class TestErsVectorsFormat extends BaseKnnVectorsFormatTestCase {
  private Codec codec;

  @Override
  public void setUp() throws Exception {
    ErsParameters parameters =
        new ErsParameters(
            TestUtil.nextInt(random(), 2, 40),
            TestUtil.nextInt(random(), 2, 8),
            random().nextBoolean() ? 1f : 1f + random().nextFloat(),
            random().nextBoolean() ? 4 : 8,
            TestUtil.nextInt(random(), 0, 8),
            TestUtil.nextInt(random(), 1, 8),
            // oversample >= 2: the suite's visit-limit test assumes a search visits more than k + 4
            // vectors; with oversample 1 a descent may stop after k, which the KnnCollector contract allows.
            TestUtil.nextInt(random(), 2, 6));
    codec = TestUtil.alwaysKnnVectorsFormat(new ErsVectorsFormat(parameters));
    super.setUp(); // installs getCodec() as the default codec
  }

  @Override
  protected Codec getCodec() {
    return codec;
  }

  /** ERS keeps the raw vectors, so there is no quantized-only fallback to test. */
  @Override
  protected boolean supportsFloatVectorFallback() {
    return false;
  }
}
