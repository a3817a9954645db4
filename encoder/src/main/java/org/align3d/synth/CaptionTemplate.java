package org.align3d.synth;

/**
 * Phrasings of a caption around its noun phrase ("a tall, three-legged stool") and its feature list ("a round
 * seat and a footrest"). Templates marked held out never appear in training captions, only in validation and
 * test, so evaluation sees wording the model was not trained on.
 */
public enum CaptionTemplate {
    WITH("t0", false, "", " with "),
    THAT_HAS("t1", false, "", " that has "),
    FEATURING("t2", false, "", ", featuring "),
    MODEL_OF("t3", false, "a 3D model of ", " with "),
    HAVING("t4", false, "", " having "),
    SHAPE_OF("t5", false, "a shape of ", " with "),
    EQUIPPED("t6", true, "", " equipped with "),
    LOOKS_LIKE("t7", true, "an object that looks like ", ", with ");

    private final String id;
    private final boolean heldOut;
    private final String prefix;
    private final String joiner;

    CaptionTemplate(String id, boolean heldOut, String prefix, String joiner) {
        this.id = id;
        this.heldOut = heldOut;
        this.prefix = prefix;
        this.joiner = joiner;
    }

    public String id() {
        return id;
    }

    /** True for phrasings kept out of the training split. */
    public boolean heldOut() {
        return heldOut;
    }

    public String render(String nounPhrase, String features) {
        return prefix + nounPhrase + (features.isEmpty() ? "" : joiner + features);
    }
}
