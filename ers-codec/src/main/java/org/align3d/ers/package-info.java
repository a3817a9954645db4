/**
 * ERS (Efficient Retrieval Strategy, after 3DAlign-DAER): a Lucene {@code KnnVectorsFormat} that indexes
 * vectors in a hierarchy of balanced k-means clusters with spilled leaf postings, a navigation graph between
 * leaf centroids and quantized vectors laid out per leaf. This module depends on Lucene only.
 *
 * <p>{@link org.align3d.ers.ErsVectorsFormat} (file layout, SPI name {@code Ers10}) with its writer and
 * reader; {@link org.align3d.ers.ErsParameters} (per-field parameters and defaults); {@link
 * org.align3d.ers.ErsSearchStrategy} (per-query budget). Clustering lives in {@code org.align3d.ers.cluster},
 * quantization in {@code org.align3d.ers.quant}.
 */
package org.align3d.ers;
