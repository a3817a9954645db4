package org.align3d.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.haf.HafScorer;
import org.align3d.encoder.haf.HafShape;
import org.align3d.encoder.parts.PartLabeller;
import org.align3d.encoder.parts.ZeroShotParts;
import org.align3d.trainer.data.CaptionMentions;
import org.align3d.trainer.data.TrainingShape;

/**
 * Computes an {@link EvaluationReport} over an {@link EmbeddedGallery}. Text-to-3D ranks the gallery by the global
 * cosine (what the ANN index returns) and reranks the best {@link #RERANK_DEPTH} with HAF, as the query does.
 */
public final class Evaluator {

    public static final int RERANK_DEPTH = 50;
    private final CaptionMentions mentions;
    private final PartLabeller parts;
    /** The ranks exact-pair recall is measured at. */
    private static final int[] RECALL_AT = {1, 5, 10};

    /** Measures part segmentation from patch vectors alone, as a bundle without a part head segments. */
    public Evaluator(CaptionMentions mentions) {
        this(mentions, PartLabeller.fromPatches(ZeroShotParts.NEIGHBOURS));
    }

    /** @param parts how points get part labels in the mIoU measurement */
    public Evaluator(CaptionMentions mentions, PartLabeller parts) {
        this.mentions = mentions;
        this.parts = parts;
    }

    public EvaluationReport evaluate(EmbeddedGallery g, HafPolicy retrieval, HafPolicy classification) {
        int n = g.shapes().size();
        HafScorer haf = new HafScorer(retrieval);
        double[] recallHaf = new double[3];
        double[] recallGlobal = new double[3];
        double[] precisionHaf = new double[3];
        double[] precisionGlobal = new double[3];
        int[] described = new int[n];
        double[] ceiling = new double[RECALL_AT.length];
        for (int q = 0; q < n; q++) {
            boolean[] relevant = new boolean[n];
            for (int c = 0; c < n; c++) {
                relevant[c] = mentions.describes(g.shapes().get(q), g.captions().get(q), g.shapes().get(c));
                described[q] += relevant[c] ? 1 : 0;
            }
            int[] global = rankByGlobal(g.queries().get(q).global(), g.embedded());
            int[] reranked = rerank(haf, g.queries().get(q), g.embedded(), global);
            accumulate(q, global, relevant, recallGlobal, precisionGlobal);
            accumulate(q, reranked, relevant, recallHaf, precisionHaf);
            int count = Math.max(1, described[q]);
            for (int k = 0; k < RECALL_AT.length; k++) {
                ceiling[k] += Math.min(1.0, (double) RECALL_AT[k] / count) / n;
            }
        }
        Arrays.sort(described);
        divide(recallHaf, n);
        divide(recallGlobal, n);
        divide(precisionHaf, n);
        divide(precisionGlobal, n);
        Map<String, CategoryScore> byCategory = new TreeMap<>();
        List<ShapeClassification> classified = classifyEach(g, classification);
        double[] topK = classification(g, classified, byCategory);
        Map<String, double[]> miouByCategory = new TreeMap<>();
        double miou = partMiou(g, parts, miouByCategory);
        miouByCategory.forEach((category, sum) -> byCategory.computeIfPresent(category,
            (k, score) -> score.withPartMiou(sum[0] / sum[1])));
        return new EvaluationReport(n, recallHaf, recallGlobal, precisionHaf, precisionGlobal, shapeToText(g),
            topK, hardNegatives(g, new HafScorer(HafPolicy.globalOnly())), hardNegatives(g, haf), miou,
            parts.usesHead() ? "head" : "patches", described[described.length / 2], ceiling, byCategory, classified);
    }

    /** Gallery indices by descending global cosine. */
    static int[] rankByGlobal(float[] query, List<HafShape> gallery) {
        double[] scores = new double[gallery.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = dot(query, gallery.get(i).global());
        }
        return order(scores);
    }

    static int[] rerank(HafScorer haf, HafQuery query, List<HafShape> gallery, int[] byGlobal) {
        int depth = Math.min(RERANK_DEPTH, byGlobal.length);
        double[] scores = new double[depth];
        for (int i = 0; i < depth; i++) {
            scores[i] = haf.score(query, gallery.get(byGlobal[i])).fused();
        }
        int[] top = order(scores);
        int[] out = byGlobal.clone();
        for (int i = 0; i < depth; i++) {
            out[i] = byGlobal[top[i]];
        }
        return out;
    }

    /** Adds one query's exact-pair recall and its attribute-consistent P@1, P@5 and average precision. */
    private static void accumulate(int q, int[] ranking, boolean[] relevant, double[] recall, double[] precision) {
        for (int k = 0; k < RECALL_AT.length; k++) {
            for (int i = 0; i < Math.min(RECALL_AT[k], ranking.length); i++) {
                if (ranking[i] == q) {
                    recall[k]++;
                    break;
                }
            }
        }
        precision[0] += precisionAt(1, ranking, relevant);
        precision[1] += precisionAt(5, ranking, relevant);
        precision[2] += averagePrecision(ranking, relevant);
    }

    /** The fraction of the first {@code k} ranked (or all, when fewer) that are relevant. */
    static double precisionAt(int k, int[] ranking, boolean[] relevant) {
        int top = Math.min(k, ranking.length);
        int hits = 0;
        for (int i = 0; i < top; i++) {
            hits += relevant[ranking[i]] ? 1 : 0;
        }
        return hits / (double) top;
    }

    /**
     * Average precision over the whole ranking: the mean, over the relevant shapes, of the precision at each one's
     * rank (0 when none is relevant).
     */
    static double averagePrecision(int[] ranking, boolean[] relevant) {
        int hits = 0;
        double sum = 0;
        for (int i = 0; i < ranking.length; i++) {
            if (relevant[ranking[i]]) {
                hits++;
                sum += hits / (double) (i + 1);
            }
        }
        return hits == 0 ? 0 : sum / hits;
    }

    /** Each shape ranks every gallery caption by global cosine; a hit is its own caption first. */
    private static double shapeToText(EmbeddedGallery g) {
        int n = g.shapes().size();
        int hits = 0;
        for (int s = 0; s < n; s++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < n; q++) {
                double v = dot(g.queries().get(q).global(), g.embedded().get(s).global());
                if (v > bestScore) {
                    bestScore = v;
                    best = q;
                }
            }
            hits += best == s || g.captions().get(best).equals(g.captions().get(s)) ? 1 : 0;
        }
        return hits / (double) Math.max(1, n);
    }

    /**
     * Zero-shot classification of every gallery shape with a category, over the gallery's categories (empty when it
     * has fewer than two).
     */
    private static List<ShapeClassification> classifyEach(EmbeddedGallery g, HafPolicy classification) {
        List<ShapeClassification> out = new ArrayList<>();
        if (g.categories().size() < 2) {
            return out;
        }
        HafScorer scorer = new HafScorer(classification);
        for (int s = 0; s < g.shapes().size(); s++) {
            String truth = g.shapes().get(s).category();
            if (truth == null) {
                continue;
            }
            double[] scores = new double[g.categories().size()];
            for (int c = 0; c < scores.length; c++) {
                scores[c] = scorer.score(g.prompts().get(c), g.embedded().get(s)).fused();
            }
            int[] order = order(scores);
            List<String> ranked = Arrays.stream(order).mapToObj(g.categories()::get).toList();
            out.add(new ShapeClassification(g.shapes().get(s).id(), truth, ranked.indexOf(truth) + 1, ranked,
                Arrays.stream(order).mapToDouble(c -> scores[c]).toArray()));
        }
        return out;
    }

    /** Zero-shot classification top-1 and top-5 over {@code each}; fills {@code byCategory}. */
    private static double[] classification(EmbeddedGallery g, List<ShapeClassification> each,
                                           Map<String, CategoryScore> byCategory) {
        if (g.categories().size() < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int top1 = 0;
        int top5 = 0;
        Map<String, int[]> hits = new TreeMap<>();
        Map<String, Map<String, Integer>> wrong = new HashMap<>();
        for (ShapeClassification c : each) {
            int[] own = hits.computeIfAbsent(c.category(), k -> new int[3]);
            own[0]++;
            if (c.rank() == 1) {
                top1++;
                own[1]++;
            } else {
                wrong.computeIfAbsent(c.category(), k -> new HashMap<>()).merge(c.predicted(), 1, Integer::sum);
            }
            if (c.rank() <= 5) {
                top5++;
                own[2]++;
            }
        }
        hits.forEach((category, h) -> byCategory.put(category, new CategoryScore(h[0], h[1] / (double) h[0],
            h[2] / (double) h[0], wrong.getOrDefault(category, Map.of()).entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null), Double.NaN)));
        return new double[] {top1 / (double) Math.max(1, each.size()), top5 / (double) Math.max(1, each.size())};
    }

    /** Within each hard-negative group, a member's fine caption must score the member above every other member. */
    static double hardNegatives(EmbeddedGallery g, HafScorer scorer) {
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < g.shapes().size(); i++) {
            String group = g.shapes().get(i).hardNegativeGroup();
            if (group != null) {
                groups.computeIfAbsent(group, x -> new ArrayList<>()).add(i);
            }
        }
        int trials = 0;
        int correct = 0;
        for (List<Integer> members : groups.values()) {
            if (members.size() < 2) {
                continue;
            }
            for (int m : members) {
                double own = scorer.score(g.queries().get(m), g.embedded().get(m)).fused();
                boolean best = true;
                for (int o : members) {
                    if (o != m && scorer.score(g.queries().get(m), g.embedded().get(o)).fused() >= own) {
                        best = false;
                        break;
                    }
                }
                trials++;
                correct += best ? 1 : 0;
            }
        }
        return trials == 0 ? Double.NaN : correct / (double) trials;
    }

    /**
     * Zero-shot part segmentation as {@code parts} does it (with a point-level part head, or part-name similarities of
     * patches interpolated to each point); IoU per part present in truth or prediction, averaged per shape, then
     * over shapes.
     *
     * @param byCategory filled with each category's sum of shape mIoUs and its shape count
     */
    static double partMiou(EmbeddedGallery g, PartLabeller parts, Map<String, double[]> byCategory) {
        return partMiou(g.shapes(), g.embedded(), g.partNames(), parts, byCategory);
    }

    /** {@link #partMiou(EmbeddedGallery, PartLabeller, Map)} over shapes embedded by the caller. */
    public static double partMiou(List<TrainingShape> shapes, List<HafShape> embedded, Map<String, float[]> partNames,
                                  PartLabeller parts) {
        return partMiou(shapes, embedded, partNames, parts, new HashMap<>());
    }

    private static double partMiou(List<TrainingShape> shapes, List<HafShape> embedded, Map<String, float[]> partNames,
                                   PartLabeller parts, Map<String, double[]> byCategory) {
        double sum = 0;
        int counted = 0;
        for (int s = 0; s < shapes.size(); s++) {
            TrainingShape shape = shapes.get(s);
            if (!shape.hasParts() || shape.partNames().size() < 2) {
                continue;
            }
            List<String> names = shape.partNames();
            float[][] nameVectors = names.stream().map(partNames::get).toArray(float[][]::new);
            int[] predicted = parts.pointLabels(shape.patches(), embedded.get(s).patches(), nameVectors);
            double iou = meanIou(shape.patches().cloud().labels(), predicted, names.size());
            sum += iou;
            counted++;
            if (shape.category() != null) {
                double[] own = byCategory.computeIfAbsent(shape.category(), k -> new double[2]);
                own[0] += iou;
                own[1]++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    static double meanIou(int[] truth, int[] predicted, int parts) {
        double sum = 0;
        int counted = 0;
        for (int l = 0; l < parts; l++) {
            int intersection = 0;
            int union = 0;
            for (int i = 0; i < truth.length; i++) {
                boolean t = truth[i] == l;
                boolean p = predicted[i] == l;
                intersection += t && p ? 1 : 0;
                union += t || p ? 1 : 0;
            }
            if (union > 0) {
                sum += intersection / (double) union;
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    static int[] order(double[] scores) {
        Integer[] idx = new Integer[scores.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, (a, b) -> Double.compare(scores[b], scores[a]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void divide(double[] v, int n) {
        for (int i = 0; i < v.length; i++) {
            v[i] /= Math.max(1, n);
        }
    }
}
