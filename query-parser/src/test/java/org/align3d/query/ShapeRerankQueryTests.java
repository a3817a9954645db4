package org.align3d.query;

import org.align3d.encoder.haf.HafPolicy;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.opensearch.test.OpenSearchTestCase;

public class ShapeRerankQueryTests extends OpenSearchTestCase {

    /**
     * OpenSearch rewrites a named query again in the fetch phase (for matched_queries): the same reader gets the same
     * ranking back instead of a second vector search; another reader is searched afresh.
     */
    public void testASecondRewriteOnTheSameReaderReusesTheRanking() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
                for (int i = 0; i < 20; i++) {
                    Document doc = new Document();
                    doc.add(new KnnFloatVectorField("shape", new float[] {1, i / 10f}, VectorSimilarityFunction.COSINE));
                    writer.addDocument(doc);
                }
            }
            ShapeRerankQuery query = new ShapeRerankQuery("shape", "shape._patches", new float[] {1, 0}, null, HafPolicy.UNCALIBRATED,
                ShapeRerankQuery.Selection.nearest(3, 10), null, false, 0, 0);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query first = searcher.rewrite(query);
                assertTrue(first instanceof ScoredDocsQuery);
                assertSame(first, new IndexSearcher(reader).rewrite(query));
                TopDocs top = searcher.search(query, 10);
                assertEquals(3, top.scoreDocs.length);
                assertEquals(0, top.scoreDocs[0].doc); // the vector (1, 0) itself
                try (DirectoryReader other = DirectoryReader.open(dir)) {
                    assertNotSame(first, new IndexSearcher(other).rewrite(query));
                }
            }
        }
    }
}
