/**
 * {@code GET _plugins/align3d/stats} and {@code GET _plugins/align3d/{node_id}/stats}, a nodes action like k-NN's
 * stats API: per node, the models loaded and their use, model work counted by operation (tasks, items, failures, time),
 * the query-text cache and the inference pool. Counters live in {@link org.align3d.plugin.stats.InferenceStats}, fed
 * by the node's {@code InferenceService}.
 */
package org.align3d.plugin.stats;
