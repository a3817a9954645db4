package org.align3d.trainer.calibrate;

/** What a HAF policy is calibrated for; the bundle keeps one policy per task. */
public enum CalibrationTask {
    /** Fine captions against shapes: recall is the mean of exact-pair R@1 and hard-negative accuracy. */
    RETRIEVAL,
    /** "a {category}" prompts against shapes: recall is zero-shot top-1. */
    CLASSIFICATION
}
