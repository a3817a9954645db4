package org.align3d.ers;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.align3d.ers.cluster.VectorSet;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.tests.util.LuceneTestCase;

/** A merge's abort check runs while ERS builds its structure, so a rollback need not wait for the whole build. */
public class TestErsBuildAbort extends LuceneTestCase {

  public void testAnAbortedMergeStopsTheBuild() throws IOException {
    float[][] vectors = ErsTestIndex.clustered(random(), 3000, 16, 20, 0.5f);
    ErsParameters parameters = new ErsParameters(48, 8, ErsParameters.DEFAULT_SPILL_RATIO, 8, 8,
        ErsParameters.DEFAULT_SEARCH_LEAVES, ErsParameters.DEFAULT_OVERSAMPLE);
    AtomicInteger checks = new AtomicInteger();
    VectorSet checked = VectorSet.of(List.of(vectors), 16).checking(1000, checks::incrementAndGet);
    ErsIndexBuilder.build(checked, parameters, null);
    assertTrue("a build reads the vectors many times over: " + checks.get() + " checks", checks.get() >= 3);

    VectorSet aborting = VectorSet.of(List.of(vectors), 16).checking(1000, () -> {
      throw new MergePolicy.MergeAbortedException("merge aborted");
    });
    expectThrows(MergePolicy.MergeAbortedException.class, () -> ErsIndexBuilder.build(aborting, parameters, null));
  }
}
