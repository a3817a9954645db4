/** Projections of text into the joint text-3D space. */
package org.align3d.encoder.joint;
