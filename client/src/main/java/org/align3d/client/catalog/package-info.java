/**
 * A catalog is a folder of mesh files, each with an optional sidecar JSON naming it. {@link
 * org.align3d.client.catalog.CatalogWalker} finds the meshes (by extension), pairs them with their sidecars and
 * checks every limit up front, so a file that cannot be indexed fails with its reason before anything is sent.
 */
package org.align3d.client.catalog;
