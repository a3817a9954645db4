package org.align3d.ers.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One Lucene vector format under test: built into its own directory (add, then forceMerge to one segment,
 * single-threaded), then searched through {@link IndexSearcher} like an application would.
 */
final class IndexedMethod implements AutoCloseable {
  static final String FIELD = "vector";

  /** Builds the query for one search budget; the query asks for {@code fanout} hits. */
  interface QueryFactory {
    Query query(float[] target, int budget, int k);
  }

  final String name;
  final List<Integer> budgets;
  final QueryFactory queries;
  final Set resident;
  final long buildNanos;
  final Map<String, Long> bytesByExtension;
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final int[] idOfDoc;

  /** Which file extensions search needs hot, and why; see the README's accounting. */
  record Set(List<String> extensions) {}

  IndexedMethod(
      String name, KnnVectorsFormat format, Set resident, List<Integer> budgets, QueryFactory queries,
      Dataset data, VectorSimilarityFunction similarity, Path dir, int ramBufferMb) throws IOException {
    this.name = name;
    this.budgets = budgets;
    this.queries = queries;
    this.resident = resident;
    Files.createDirectories(dir);
    this.directory = FSDirectory.open(dir);
    Codec codec =
        new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return format;
          }
        };
    LogDocMergePolicy mergePolicy = new LogDocMergePolicy(); // merges neighbours: keeps doc order
    mergePolicy.setNoCFSRatio(0);
    IndexWriterConfig config =
        new IndexWriterConfig()
            .setCodec(codec)
            .setRAMBufferSizeMB(ramBufferMb)
            .setMergeScheduler(new SerialMergeScheduler())
            .setMergePolicy(mergePolicy)
            .setUseCompoundFile(false);
    long start = System.nanoTime();
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < data.docs().length; i++) {
        Document doc = new Document();
        doc.add(new KnnFloatVectorField(FIELD, data.docs()[i], similarity));
        doc.add(new NumericDocValuesField("id", i));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
      writer.commit();
    }
    this.buildNanos = System.nanoTime() - start;
    this.bytesByExtension = new TreeMap<>();
    for (String file : directory.listAll()) {
      int dot = file.lastIndexOf('.');
      String ext = dot < 0 ? file : file.substring(dot + 1);
      bytesByExtension.merge(ext, directory.fileLength(file), Long::sum);
    }
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader); // no executor: single-threaded search
    this.idOfDoc = new int[reader.maxDoc()];
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues ids = leaf.reader().getNumericDocValues("id");
      for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
        idOfDoc[leaf.docBase + doc] = (int) ids.longValue();
      }
    }
  }

  long diskBytes() {
    return bytesByExtension.values().stream().mapToLong(Long::longValue).sum();
  }

  long residentBytes() {
    return resident.extensions().stream().mapToLong(e -> bytesByExtension.getOrDefault(e, 0L)).sum();
  }

  /** The ids of the top k hits. */
  int[] search(float[] target, int budget, int k) throws IOException {
    TopDocs top = searcher.search(queries.query(target, budget, k), Math.max(k, budget));
    int n = Math.min(k, top.scoreDocs.length);
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ScoreDoc hit = top.scoreDocs[i];
      ids[i] = idOfDoc[hit.doc];
    }
    return ids;
  }

  /** The ids of every hit of {@code query}, in no particular order (no top-n queue: a radial search may match many). */
  int[] searchAll(Query query) throws IOException {
    int[][] ids = {new int[64]};
    int[] n = {0};
    searcher.search(query, new SimpleCollector() {
      private int docBase;

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        docBase = context.docBase;
      }

      @Override
      public void collect(int doc) {
        if (n[0] == ids[0].length) {
          ids[0] = Arrays.copyOf(ids[0], n[0] * 2);
        }
        ids[0][n[0]++] = idOfDoc[docBase + doc];
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    });
    return Arrays.copyOf(ids[0], n[0]);
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
