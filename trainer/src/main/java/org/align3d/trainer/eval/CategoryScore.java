package org.align3d.trainer.eval;

/**
 * Zero-shot classification of the gallery shapes of one category.
 *
 * @param shapes   gallery shapes of the category
 * @param top1     fraction whose best-scoring category prompt is their own
 * @param top5     fraction with their own category among the five best
 * @param confused the category most often predicted instead (top-1), or null when never wrong
 */
public record CategoryScore(int shapes, double top1, double top5, String confused) {
}
