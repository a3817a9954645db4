/**
 * Zero-shot part segmentation at point level: {@link org.align3d.encoder.parts.PointContext} gathers what each
 * sampled point sees (its nearest patches' vectors and where it lies relative to them) and the
 * {@link org.align3d.encoder.parts.PartHead} turns that into one vector per point in the part-name space, so a
 * point can take a part its patch as a whole does not.
 */
package org.align3d.encoder.parts;
