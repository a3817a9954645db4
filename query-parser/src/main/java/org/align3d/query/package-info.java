/**
 * The {@code neural_shape} query: encodes query text during rewrite, takes candidates from ERS and
 * reranks them with HAF token-to-patch attention; composes with ordinary queries for hybrid search.
 *
 * <p>Status: the module is laid out; the query arrives with the search issue.
 */
package org.align3d.query;
