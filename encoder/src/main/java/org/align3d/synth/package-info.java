/**
 * Align3D-synth, the procedural text-3D dataset ({@link org.align3d.synth.Align3dSynth}): categories built from
 * named parts ({@link org.align3d.synth.ShapeBuilder}, {@code org.align3d.synth.category}), attributes whose
 * values change geometry, captions from coarse to fine ({@link org.align3d.synth.CaptionWriter}, checked by
 * {@link org.align3d.synth.CaptionParser}), compositional splits ({@link org.align3d.synth.SplitPlan}),
 * hard-negative groups, and the JSONL manifest ({@link org.align3d.synth.ManifestWriter}, {@link
 * org.align3d.synth.ManifestReader}) that the trainer also reads for users' own catalogs.
 */
package org.align3d.synth;
