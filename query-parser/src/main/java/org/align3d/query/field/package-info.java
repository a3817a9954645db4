/** The {@code shape_vector} field: the global vector for ERS and the per-patch data HAF reranks with. */
package org.align3d.query.field;
