package org.align3d.ers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.align3d.ers.cluster.SeedTree;
import org.align3d.ers.cluster.VectorSet;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.codecs.KnnFieldVectorsWriter;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.hnsw.FlatVectorsFormat;
import org.apache.lucene.codecs.hnsw.FlatVectorsReader;
import org.apache.lucene.codecs.hnsw.FlatVectorsWriter;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.MergeState;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.index.Sorter;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.IORunnable;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * Writes ERS segments. Raw vectors go to the flat writer; at flush the ERS structure is built from the
 * buffered vectors, at merge from the merged flat vectors read back off-heap (as Lucene's HNSW writer
 * does), seeded with the clusters of the largest ERS segment being merged.
 */
final class ErsVectorsWriter extends KnnVectorsWriter {
  private static final long SHALLOW_SIZE = RamUsageEstimator.shallowSizeOfInstance(ErsVectorsWriter.class);
  /** A merge checks whether it was aborted once every this many vector reads of the ERS build. */
  static final int ABORT_CHECK_READS = 1 << 16;

  private final SegmentWriteState state;
  private final ErsParameters parameters;
  private final FlatVectorsFormat flatFormat;
  private final FlatVectorsWriter flatWriter;
  private final IndexOutput meta;
  private final IndexOutput index;
  private final IndexOutput postings;
  private final List<ValidatingFieldWriter<?>> fields = new ArrayList<>();
  private FlatVectorsReader mergedFlatReader;
  private boolean flatWriterClosed;
  private boolean finished;

  ErsVectorsWriter(SegmentWriteState state, ErsParameters parameters, FlatVectorsFormat flatFormat) throws IOException {
    this.state = state;
    this.parameters = parameters;
    this.flatFormat = flatFormat;
    boolean success = false;
    IndexOutput m = null, i = null, p = null;
    FlatVectorsWriter flat = null;
    try {
      flat = flatFormat.fieldsWriter(state);
      m = open(state, ErsVectorsFormat.META_EXTENSION, ErsVectorsFormat.META_CODEC_NAME);
      i = open(state, ErsVectorsFormat.INDEX_EXTENSION, ErsVectorsFormat.INDEX_CODEC_NAME);
      p = open(state, ErsVectorsFormat.POSTINGS_EXTENSION, ErsVectorsFormat.POSTINGS_CODEC_NAME);
      success = true;
    } finally {
      if (!success) {
        IOUtils.closeWhileHandlingException(flat, m, i, p);
      }
    }
    this.flatWriter = flat;
    this.meta = m;
    this.index = i;
    this.postings = p;
  }

  private static IndexOutput open(SegmentWriteState state, String extension, String codec) throws IOException {
    String name = IndexFileNames.segmentFileName(state.segmentInfo.name, state.segmentSuffix, extension);
    IndexOutput out = state.directory.createOutput(name, state.context);
    try {
      CodecUtil.writeIndexHeader(out, codec, ErsVectorsFormat.VERSION_CURRENT, state.segmentInfo.getId(), state.segmentSuffix);
      return out;
    } catch (Throwable t) {
      IOUtils.closeWhileHandlingException(out);
      throw t;
    }
  }

  @Override
  public KnnFieldVectorsWriter<?> addField(FieldInfo fieldInfo) throws IOException {
    ValidatingFieldWriter<?> field = new ValidatingFieldWriter<>(fieldInfo, flatWriter.addField(fieldInfo));
    fields.add(field);
    return field;
  }

  @Override
  public void flush(int maxDoc, Sorter.DocMap sortMap) throws IOException {
    flatWriter.flush(maxDoc, sortMap);
    for (ValidatingFieldWriter<?> field : fields) {
      FieldInfo info = field.fieldInfo();
      List<?> buffered = field.flat().getVectors();
      if (info.getVectorEncoding() != VectorEncoding.FLOAT32 || buffered.isEmpty()) {
        writeMeta(ErsIndexWriter.writeWithoutIndex(info, buffered.size(), parameters, index, postings));
        continue;
      }
      List<float[]> vectors = new ArrayList<>(buffered.size());
      if (sortMap == null) {
        for (Object v : buffered) {
          vectors.add((float[]) v);
        }
      } else {
        // Ordinals follow the sorted document order, as the flat writer stores them.
        int[] newToOld = new int[buffered.size()];
        mapOldOrdToNewOrd(field.flat().getDocsWithFieldSet(), sortMap, null, newToOld, null);
        for (int oldOrd : newToOld) {
          vectors.add((float[]) buffered.get(oldOrd));
        }
      }
      writeField(info, VectorSet.of(vectors, info.getVectorDimension()), null);
    }
  }

  private void writeField(FieldInfo info, VectorSet raw, SeedTree seeds) throws IOException {
    VectorSet vectors = info.getVectorSimilarityFunction() == VectorSimilarityFunction.COSINE ? raw.normalized() : raw;
    ErsIndexBuilder.Structure structure = ErsIndexBuilder.build(vectors, parameters, seeds);
    writeMeta(ErsIndexWriter.write(info, vectors, structure, parameters, index, postings));
  }

  private void writeMeta(FieldMeta entry) throws IOException {
    entry.write(meta);
  }

  @Override
  public IORunnable mergeOneField(FieldInfo fieldInfo, MergeState mergeState) throws IOException {
    flatWriter.mergeOneFlatVectorField(fieldInfo, mergeState);
    SeedTree seeds = fieldInfo.getVectorEncoding() == VectorEncoding.FLOAT32 ? largestSegmentSeeds(fieldInfo, mergeState) : null;
    return () -> {
      // The ERS structure is built from the merged raw vectors, read back from the new segment's flat file.
      FlatVectorsReader flat = mergedFlatReader();
      if (fieldInfo.getVectorEncoding() != VectorEncoding.FLOAT32) {
        int count = flat.getByteVectorValues(fieldInfo.name).size();
        writeMeta(ErsIndexWriter.writeWithoutIndex(fieldInfo, count, parameters, index, postings));
        return;
      }
      FloatVectorValues values = flat.getFloatVectorValues(fieldInfo.name);
      if (values == null || values.size() == 0) {
        writeMeta(ErsIndexWriter.writeWithoutIndex(fieldInfo, 0, parameters, index, postings));
        return;
      }
      writeField(fieldInfo, VectorSet.of(values).checking(ABORT_CHECK_READS, mergeState::checkAborted), seeds);
    };
  }

  /**
   * The cluster hierarchy of the largest ERS segment being merged for this field. Its centroids describe
   * the same distribution the merged segment holds, so k-means can start from them instead of from
   * k-means++; only segments with the same similarity and dimension qualify.
   */
  private static SeedTree largestSegmentSeeds(FieldInfo fieldInfo, MergeState mergeState) {
    ErsVectorsReader best = null;
    int bestCount = 0;
    for (int i = 0; i < mergeState.knnVectorsReaders.length; i++) {
      KnnVectorsReader reader = mergeState.knnVectorsReaders[i];
      if (reader instanceof PerFieldKnnVectorsFormat.FieldsReader perField) {
        reader = perField.getFieldReader(fieldInfo.name);
      }
      if (reader instanceof ErsVectorsReader ers) {
        int count = ers.indexedVectorCount(fieldInfo);
        if (count > bestCount) {
          best = ers;
          bestCount = count;
        }
      }
    }
    return best == null ? null : best.seeds(fieldInfo.name);
  }

  private FlatVectorsReader mergedFlatReader() throws IOException {
    if (mergedFlatReader == null) {
      flatWriter.finish();
      flatWriter.close();
      flatWriterClosed = true;
      mergedFlatReader =
          flatFormat.fieldsReader(
              new SegmentReadState(state.directory, state.segmentInfo, state.fieldInfos, state.context, state.segmentSuffix));
    }
    return mergedFlatReader;
  }

  @Override
  public void finish() throws IOException {
    if (finished) {
      throw new IllegalStateException("ERS writer already finished");
    }
    finished = true;
    if (!flatWriterClosed) {
      flatWriter.finish();
    }
    meta.writeInt(-1);
    CodecUtil.writeFooter(meta);
    CodecUtil.writeFooter(index);
    CodecUtil.writeFooter(postings);
  }

  @Override
  public long ramBytesUsed() {
    long total = SHALLOW_SIZE;
    for (ValidatingFieldWriter<?> field : fields) {
      total += field.ramBytesUsed();
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    if (flatWriterClosed) {
      IOUtils.close(meta, index, postings, mergedFlatReader);
    } else {
      IOUtils.close(meta, index, postings, flatWriter, mergedFlatReader);
    }
  }
}
