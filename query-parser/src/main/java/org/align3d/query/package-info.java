/**
 * The {@code neural_shape} query: encodes the query text (or example asset) during rewrite, takes candidates from
 * ERS with the filter inside the ANN search, reranks them with HAF token-to-patch attention, and can report which
 * patches matched which query words.
 */
package org.align3d.query;
