/**
 * Bulk ingest of assets through an ingest pipeline: batches bounded by request bytes and documents ({@link
 * org.align3d.client.bulk.BulkBatcher}), the NDJSON body ({@link org.align3d.client.bulk.BulkRequestBody}), resume by
 * asking which ids exist before each batch, per-item outcomes, progress and the final summary ({@link
 * org.align3d.client.bulk.BulkIndexer}).
 */
package org.align3d.client.bulk;
