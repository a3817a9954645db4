/**
 * {@code POST _plugins/align3d/models} as a nodes action: every node of the cluster registers the bundle from its own
 * {@code <config>/align3d/models/<id>} (operators copy the bundle to each node, as with other config files), because
 * ingest runs on ingest nodes and query text is encoded on the coordinating node: a model known to one node only
 * would fail requests that land elsewhere.
 */
package org.align3d.plugin.model.register;
