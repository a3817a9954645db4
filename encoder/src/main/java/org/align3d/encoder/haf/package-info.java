/**
 * HAF, Hierarchical Attention Fusion: the fine-grained text-to-shape score (global, token-to-patch attention,
 * token-to-part), its attention policy, and which patches matched which words.
 */
package org.align3d.encoder.haf;
