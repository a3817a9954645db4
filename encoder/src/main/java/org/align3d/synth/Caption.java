package org.align3d.synth;

/**
 * One description of a sample.
 *
 * @param text     the caption
 * @param template how it was phrased: {@code coarse} (category noun only), {@code subtype}, or a
 *                 {@link CaptionTemplate} id
 */
public record Caption(String text, String template) {

    /** The template of the caption that is the category noun alone ("a chair"), the first of every sample's. */
    public static final String COARSE = "coarse";
}
