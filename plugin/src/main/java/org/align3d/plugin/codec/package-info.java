/** align3d's codec: shape vectors in ERS, everything else as the node's own codec writes it. */
package org.align3d.plugin.codec;
