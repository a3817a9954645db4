/**
 * The embedded single-node server behind {@code ./align3d serve}. Not part of the plugin zip: it is packaged
 * as {@code align3d-plugin-<version>-server.jar} and runs on OpenSearch's own jars, with align3d installed from
 * its zip into the node's {@code plugins/} directory.
 */
package org.align3d.plugin.server;
