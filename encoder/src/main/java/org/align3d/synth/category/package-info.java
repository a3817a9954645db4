/**
 * The categories of Align3D-synth, one class each: nouns, attributes (the first two form the split pair) and
 * a parametric build from named primitive parts. Geometry is stylised, in metres, standing on y = 0, +Y up.
 */
package org.align3d.synth.category;
