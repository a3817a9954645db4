/** Running the trained encoders in inference mode: assets and query texts into the joint space. */
package org.align3d.encoder.embed;
