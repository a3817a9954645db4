package org.align3d.ers;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.align3d.ers.cluster.SeedTree;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.hnsw.FlatVectorsReader;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.RamUsageEstimator;
import org.apache.lucene.util.hnsw.RandomVectorScorer;

/**
 * Reads ERS segments. At open the metadata and the index file are read whole and verified against their
 * checksums (the index is what search keeps on the heap, so reading it costs no extra I/O); the postings
 * file's header and footer are checked, and its checksum is verified by {@link #checkIntegrity}.
 */
public final class ErsVectorsReader extends KnnVectorsReader {
  private static final long SHALLOW_SIZE = RamUsageEstimator.shallowSizeOfInstance(ErsVectorsReader.class);

  private final FlatVectorsReader flat;
  private final IndexInput postings;
  private final Map<String, FieldMeta> metas = new HashMap<>();
  private final Map<String, ErsFieldIndex> indexes = new HashMap<>();
  private final boolean ownsFiles;

  ErsVectorsReader(SegmentReadState state, FlatVectorsReader flat) throws IOException {
    this.flat = flat;
    this.ownsFiles = true;
    boolean success = false;
    IndexInput postingsInput = null;
    try {
      String segment = state.segmentInfo.name;
      String suffix = state.segmentSuffix;
      int maxDoc = state.segmentInfo.maxDoc();
      String indexName = IndexFileNames.segmentFileName(segment, suffix, ErsVectorsFormat.INDEX_EXTENSION);
      String postingsName = IndexFileNames.segmentFileName(segment, suffix, ErsVectorsFormat.POSTINGS_EXTENSION);
      long indexLength = state.directory.fileLength(indexName);
      postingsInput = state.directory.openInput(postingsName, state.context);
      int postingsVersion = checkHeader(postingsInput, ErsVectorsFormat.POSTINGS_CODEC_NAME, state);
      CodecUtil.retrieveChecksum(postingsInput);
      long postingsLength = postingsInput.length();

      int metaVersion;
      String metaName = IndexFileNames.segmentFileName(segment, suffix, ErsVectorsFormat.META_EXTENSION);
      try (ChecksumIndexInput meta = state.directory.openChecksumInput(metaName)) {
        Throwable prior = null;
        metaVersion = -1;
        try {
          metaVersion = checkHeader(meta, ErsVectorsFormat.META_CODEC_NAME, state);
          for (int number = meta.readInt(); number != -1; number = meta.readInt()) {
            FieldInfo info = number < 0 ? null : state.fieldInfos.fieldInfo(number);
            if (info == null) {
              throw new CorruptIndexException("unknown field number " + number, meta);
            }
            FieldMeta entry = FieldMeta.read(meta, number, maxDoc, indexLength - CodecUtil.footerLength(),
                postingsLength - CodecUtil.footerLength());
            if (entry.dimension() != info.getVectorDimension()
                || entry.similarity() != info.getVectorSimilarityFunction()
                || entry.encoding() != info.getVectorEncoding()) {
              throw new CorruptIndexException("ERS entry of field [" + info.name + "] disagrees with its field info", meta);
            }
            if (metas.put(info.name, entry) != null) {
              throw new CorruptIndexException("field [" + info.name + "] listed twice", meta);
            }
          }
        } catch (Throwable t) {
          prior = t;
        } finally {
          CodecUtil.checkFooter(meta, prior);
        }
      }
      if (postingsVersion != metaVersion) {
        throw new CorruptIndexException("format versions differ: meta " + metaVersion + ", postings " + postingsVersion, postingsInput);
      }
      readIndexes(state, indexName, metaVersion);
      this.postings = postingsInput;
      success = true;
    } finally {
      if (!success) {
        IOUtils.closeWhileHandlingException(postingsInput, flat);
      }
    }
  }

  private static int checkHeader(IndexInput in, String codec, SegmentReadState state) throws IOException {
    return CodecUtil.checkIndexHeader(
        in, codec, ErsVectorsFormat.VERSION_START, ErsVectorsFormat.VERSION_CURRENT, state.segmentInfo.getId(), state.segmentSuffix);
  }

  /** Loads every field's index block, after verifying the whole index file's checksum. */
  private void readIndexes(SegmentReadState state, String indexName, int metaVersion) throws IOException {
    try (ChecksumIndexInput in = state.directory.openChecksumInput(indexName)) {
      Throwable prior = null;
      try {
        int version = checkHeader(in, ErsVectorsFormat.INDEX_CODEC_NAME, state);
        if (version != metaVersion) {
          throw new CorruptIndexException("format versions differ: meta " + metaVersion + ", index " + version, in);
        }
        // Field blocks are written one after another; read them in file order through the checksum.
        var ordered = metas.entrySet().stream().filter(e -> e.getValue().hasIndex())
            .sorted(java.util.Comparator.comparingLong(e -> e.getValue().indexOffset())).toList();
        for (var e : ordered) {
          if (e.getValue().indexOffset() < in.getFilePointer()) {
            throw new CorruptIndexException("index blocks of field [" + e.getKey() + "] overlap", in);
          }
          in.skipBytes(e.getValue().indexOffset() - in.getFilePointer());
          indexes.put(e.getKey(), ErsFieldIndex.read(e.getValue(), in));
        }
        in.skipBytes(in.length() - CodecUtil.footerLength() - in.getFilePointer());
      } catch (Throwable t) {
        prior = t;
      } finally {
        CodecUtil.checkFooter(in, prior);
      }
    }
  }

  @Override
  public void checkIntegrity() throws IOException {
    flat.checkIntegrity();
    CodecUtil.checksumEntireFile(postings);
  }

  @Override
  public FloatVectorValues getFloatVectorValues(String field) throws IOException {
    return flat.getFloatVectorValues(field);
  }

  @Override
  public ByteVectorValues getByteVectorValues(String field) throws IOException {
    return flat.getByteVectorValues(field);
  }

  @Override
  public void search(String field, float[] target, KnnCollector collector, AcceptDocs acceptDocs) throws IOException {
    FieldMeta meta = fieldMeta(field, VectorEncoding.FLOAT32);
    if (meta.vectorCount() == 0 || collector.k() == 0) {
      return;
    }
    RandomVectorScorer scorer = flat.getRandomVectorScorer(field, target);
    FloatVectorValues values = flat.getFloatVectorValues(field);
    ErsFieldIndex index = indexes.get(field);
    if (index == null) {
      throw new IllegalStateException("ERS field [" + field + "] has vectors but no index");
    }
    new ErsSearcher(index, postings).search(target, scorer, values, collector, acceptDocs);
  }

  /** Byte vectors have no ERS index: every accepted vector is scored exactly. */
  @Override
  public void search(String field, byte[] target, KnnCollector collector, AcceptDocs acceptDocs) throws IOException {
    FieldMeta meta = fieldMeta(field, VectorEncoding.BYTE);
    if (meta.vectorCount() == 0 || collector.k() == 0) {
      return;
    }
    RandomVectorScorer scorer = flat.getRandomVectorScorer(field, target);
    ExactSearch.scoreAll(scorer, flat.getByteVectorValues(field), collector, acceptDocs);
  }

  private FieldMeta fieldMeta(String field, VectorEncoding expected) {
    FieldMeta meta = metas.get(field);
    if (meta == null) {
      throw new IllegalArgumentException("field [" + field + "] has no ERS vectors in this segment");
    }
    if (meta.encoding() != expected) {
      throw new IllegalArgumentException(
          "field [" + field + "] holds " + meta.encoding() + " vectors, the query is " + expected);
    }
    return meta;
  }

  /** The field's on-heap index, or null: for tests that check what was written. */
  ErsFieldIndex fieldIndex(String field) {
    return indexes.get(field);
  }

  /** A cursor over the field's leaf postings: for tests that check what was written. */
  LeafPostings leafPostings(String field) {
    return new LeafPostings(postings.clone(), indexes.get(field).codeBytes);
  }

  /** How many vectors the field's ERS index covers in this segment (0 without an index). */
  int indexedVectorCount(FieldInfo field) {
    FieldMeta meta = metas.get(field.name);
    if (meta == null || !meta.hasIndex()
        || meta.dimension() != field.getVectorDimension()
        || meta.similarity() != field.getVectorSimilarityFunction()) {
      return 0;
    }
    return meta.vectorCount();
  }

  /** The field's cluster hierarchy as k-means seeds, or null. */
  SeedTree seeds(String field) {
    ErsFieldIndex index = indexes.get(field);
    return index == null ? null : index.seeds();
  }

  @Override
  public Map<String, Long> getOffHeapByteSize(FieldInfo fieldInfo) {
    Map<String, Long> raw = flat.getOffHeapByteSize(fieldInfo);
    FieldMeta meta = metas.get(fieldInfo.name);
    if (meta == null || !meta.hasIndex()) {
      return raw;
    }
    return KnnVectorsReader.mergeOffHeapByteSizeMaps(raw, Map.of(ErsVectorsFormat.POSTINGS_EXTENSION, meta.postingsLength()));
  }

  /** A view for merging: the flat reader's merge instance over the same index; it does not own files. */
  @Override
  public KnnVectorsReader getMergeInstance() throws IOException {
    return new ErsVectorsReader(this, flat.getMergeInstance());
  }

  @Override
  public void finishMerge() throws IOException {
    flat.finishMerge();
  }

  @Override
  public void close() throws IOException {
    if (ownsFiles) {
      IOUtils.close(flat, postings);
    }
  }

  long ramBytesUsed() {
    long total = SHALLOW_SIZE + flat.ramBytesUsed();
    for (ErsFieldIndex index : indexes.values()) {
      total += index.ramBytesUsed();
    }
    return total;
  }

  private ErsVectorsReader(ErsVectorsReader source, FlatVectorsReader mergeFlat) {
    this.ownsFiles = false;
    this.flat = mergeFlat;
    this.postings = source.postings;
    this.metas.putAll(source.metas);
    this.indexes.putAll(source.indexes);
  }

}
