/**
 * Starting the DJL engines align3d's encoders run on and choosing their device (CPU, or a GPU where the
 * installed natives support one).
 */
package org.align3d.encoder.runtime;
