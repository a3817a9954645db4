/** Model bundles: the trained encoders, their configuration and model card, verified by SHA-256 at load. */
package org.align3d.encoder.bundle;
