package org.align3d.encoder.haf;

/**
 * Which patches a query word matched: the patches holding most of the word's attention, strongest first.
 *
 * @param word       the query word
 * @param patches    patch indices (into the asset's patches)
 * @param attention  the word's attention on each of those patches (they sum to at most 1)
 * @param similarity the word's attention-pooled similarity to the asset's patches
 */
public record WordMatch(String word, int[] patches, float[] attention, float similarity) {
}
