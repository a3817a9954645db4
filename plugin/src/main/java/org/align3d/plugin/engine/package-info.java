/** The per-node deep learning engine and the bounded thread pool model work runs on. */
package org.align3d.plugin.engine;
