/**
 * From a mesh to the encoder's input: {@link org.align3d.sampling.SurfaceSampler} (area-weighted points with
 * normals and part labels, deterministic for a seed), {@link org.align3d.sampling.Normalizer} (unit sphere, +Y
 * up, the original extent and up axis kept in a {@link org.align3d.sampling.ShapeFrame}), {@link
 * org.align3d.sampling.FarthestPointSampler} (patch centres) and {@link org.align3d.sampling.PatchGrouper} (kNN
 * patches), chained by {@link org.align3d.sampling.GeometryPipeline} under a {@link
 * org.align3d.sampling.SamplingConfig}.
 */
package org.align3d.sampling;
