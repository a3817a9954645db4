/** The node and index settings align3d declares, parsed and validated at the edge. */
package org.align3d.plugin.settings;
