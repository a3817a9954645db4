/**
 * ERS (Efficient Retrieval Strategy, after 3DAlign-DAER): a Lucene {@code KnnVectorsFormat} that indexes
 * vectors in a hierarchy of balanced k-means clusters with spilled leaf postings, a navigation graph between
 * leaf centroids and quantized vectors laid out per leaf. This module depends on Lucene only.
 *
 * <p>Status: the module is laid out; the format arrives with the ERS issue.
 */
package org.align3d.ers;
