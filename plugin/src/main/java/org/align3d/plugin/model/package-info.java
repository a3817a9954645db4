/** The node's model bundles and the inference service every align3d feature runs its model work through. */
package org.align3d.plugin.model;
