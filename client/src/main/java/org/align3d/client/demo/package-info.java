/**
 * {@code ./align3d demo}: a catalog generated from Align3D-synth (GLB files with sidecars, named like "Office chair
 * #12", tagged by category and attribute values, described by their finest caption), indexed into a running node,
 * and example queries to try. {@link org.align3d.client.demo.SynthCatalog} is also the benchmark's data.
 */
package org.align3d.client.demo;
