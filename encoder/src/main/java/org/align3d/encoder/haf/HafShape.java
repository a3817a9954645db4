package org.align3d.encoder.haf;

/**
 * An asset in the joint space, as stored at ingest. Vectors are L2-normalised.
 *
 * @param global      asset vector ({@code jointDim})
 * @param patches     one vector per patch ({@code tokenDim} each)
 * @param patchGroups for each patch, its part group ({@code 0..groupCount-1}): patches pooled by position
 * @param groupCount  number of part groups
 */
public record HafShape(float[] global, float[][] patches, int[] patchGroups, int groupCount) {

    public HafShape {
        if (patches.length != patchGroups.length) {
            throw new IllegalArgumentException("patches (" + patches.length + ") and patchGroups (" + patchGroups.length + ") differ in length");
        }
        for (int g : patchGroups) {
            if (g < 0 || g >= groupCount) {
                throw new IllegalArgumentException("patch group " + g + " outside 0.." + (groupCount - 1));
            }
        }
    }
}
