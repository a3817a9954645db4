package org.align3d.trainer.eval;

/**
 * Zero-shot classification and part segmentation of the gallery shapes of one category.
 *
 * @param shapes   gallery shapes of the category
 * @param top1     fraction whose best-scoring category prompt is their own
 * @param top5     fraction with their own category among the five best
 * @param confused the category most often predicted instead (top-1), or null when never wrong
 * @param partMiou zero-shot part segmentation mIoU over the category's shapes with two or more labelled parts, NaN
 *                 when it has none
 */
public record CategoryScore(int shapes, double top1, double top5, String confused, double partMiou) {

    CategoryScore withPartMiou(double miou) {
        return new CategoryScore(shapes, top1, top5, confused, miou);
    }
}
