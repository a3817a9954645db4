/** The 3D side of align3d's encoders: a point-patch transformer trained from scratch (see {@link org.align3d.encoder.shape.PointPatchEncoder}). */
package org.align3d.encoder.shape;
