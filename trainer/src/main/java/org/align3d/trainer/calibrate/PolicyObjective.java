package org.align3d.trainer.calibrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.haf.HafScore;
import org.align3d.encoder.haf.HafScorer;
import org.align3d.encoder.haf.HafShape;
import org.align3d.trainer.eval.EmbeddedGallery;

/**
 * How good a HAF policy is on a validation gallery, as 3DAlign-DAER's Dynamic Attention Policy rewards it:
 * {@code alpha * (-loss) + (1 - alpha) * recall}, where the loss is the contrastive loss of the fused scores and
 * recall depends on the {@link CalibrationTask}. A transition's reward is the gain of this value, so along a path
 * the rewards add up to {@code alpha * (loss drop) + (1 - alpha) * (recall gain)}.
 *
 * <p>Level scores (global, patch, part) of every query and candidate are computed once per attention temperature
 * and cached, so evaluating a policy is a weighted sum: thousands of policies cost seconds.
 */
public final class PolicyObjective {

    /** Candidates per retrieval query: the global top-N, as the ANN index would return them. */
    static final int CANDIDATES = 50;
    /** Temperature of the calibration loss over fused scores. */
    static final double LOSS_TEMPERATURE = 0.05;

    private final CalibrationTask task;
    private final double alpha;
    private final List<HafQuery> queries;
    private final List<int[]> candidates;
    private final int[] gold;
    private final List<int[]> groups;
    private final List<HafShape> shapes;
    private final Map<Double, double[][][]> levels = new HashMap<>();

    private PolicyObjective(CalibrationTask task, double alpha, List<HafQuery> queries, List<int[]> candidates, int[] gold,
                            List<int[]> groups, List<HafShape> shapes) {
        this.task = task;
        this.alpha = alpha;
        this.queries = queries;
        this.candidates = candidates;
        this.gold = gold;
        this.groups = groups;
        this.shapes = shapes;
    }

    public static PolicyObjective of(CalibrationTask task, EmbeddedGallery g, double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha [" + alpha + "] must be in 0..1");
        }
        return task == CalibrationTask.RETRIEVAL ? retrieval(g, alpha) : classification(g, alpha);
    }

    /** Queries are the shapes' fine captions; candidates their global top-50; gold the position of the own shape. */
    private static PolicyObjective retrieval(EmbeddedGallery g, double alpha) {
        int n = g.shapes().size();
        List<int[]> candidates = new ArrayList<>(n);
        int[] gold = new int[n];
        for (int q = 0; q < n; q++) {
            double[] scores = new double[n];
            for (int s = 0; s < n; s++) {
                scores[s] = dot(g.queries().get(q).global(), g.embedded().get(s).global());
            }
            int[] top = top(scores, CANDIDATES);
            candidates.add(top);
            gold[q] = indexOf(top, q);
        }
        Map<String, List<Integer>> byGroup = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String group = g.shapes().get(i).hardNegativeGroup();
            if (group != null) {
                byGroup.computeIfAbsent(group, x -> new ArrayList<>()).add(i);
            }
        }
        List<int[]> groups = byGroup.values().stream().filter(m -> m.size() > 1)
            .map(m -> m.stream().mapToInt(Integer::intValue).toArray()).toList();
        return new PolicyObjective(CalibrationTask.RETRIEVAL, alpha, g.queries(), candidates, gold, groups, g.embedded());
    }

    /** Each shape is a "query" whose candidates are the category prompts; gold is its category. */
    private static PolicyObjective classification(EmbeddedGallery g, double alpha) {
        List<int[]> candidates = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        List<HafShape> shapes = new ArrayList<>();
        int[] all = new int[g.categories().size()];
        for (int c = 0; c < all.length; c++) {
            all[c] = c;
        }
        for (int s = 0; s < g.shapes().size(); s++) {
            String category = g.shapes().get(s).category();
            if (category != null) {
                candidates.add(all);
                gold.add(g.categories().indexOf(category));
                shapes.add(g.embedded().get(s));
            }
        }
        return new PolicyObjective(CalibrationTask.CLASSIFICATION, alpha, g.prompts(), candidates,
            gold.stream().mapToInt(Integer::intValue).toArray(), List.of(), shapes);
    }

    public CalibrationTask task() {
        return task;
    }

    /** The hybrid value of {@code policy}: higher is better. */
    public double value(HafPolicy policy) {
        Evaluation e = evaluate(policy);
        return alpha * -e.loss() + (1 - alpha) * e.recall();
    }

    /** The loss and recall of a policy on this gallery. */
    public record Evaluation(double loss, double recall) {
    }

    public Evaluation evaluate(HafPolicy policy) {
        double[][][] l = levels(policy.attentionTemperature());
        double sum = policy.globalWeight() + policy.patchWeight() + policy.partWeight();
        double loss = 0;
        int lossCount = 0;
        int hits = 0;
        int items = task == CalibrationTask.RETRIEVAL ? queries.size() : shapes.size();
        for (int q = 0; q < items; q++) {
            double[] fused = fuse(l[q], policy, sum);
            int g = gold[q];
            int best = argmax(fused);
            if (g >= 0) {
                loss += logSumExp(fused, LOSS_TEMPERATURE) - fused[g] / LOSS_TEMPERATURE;
                lossCount++;
                hits += best == g ? 1 : 0;
            }
        }
        double recall = hits / (double) Math.max(1, items);
        if (task == CalibrationTask.RETRIEVAL && !groups.isEmpty()) {
            recall = (recall + hardNegativeAccuracy(policy)) / 2;
        }
        return new Evaluation(loss / Math.max(1, lossCount), recall);
    }

    private double hardNegativeAccuracy(HafPolicy policy) {
        HafScorer scorer = new HafScorer(policy);
        int trials = 0;
        int correct = 0;
        for (int[] members : groups) {
            for (int m : members) {
                double own = scorer.score(queries.get(m), shapes.get(m)).fused();
                boolean best = true;
                for (int o : members) {
                    if (o != m && scorer.score(queries.get(m), shapes.get(o)).fused() >= own) {
                        best = false;
                        break;
                    }
                }
                trials++;
                correct += best ? 1 : 0;
            }
        }
        return correct / (double) Math.max(1, trials);
    }

    /** {@code [item][candidate][level]}: global, patch and part scores at attention temperature {@code tau}. */
    private synchronized double[][][] levels(double tau) {
        return levels.computeIfAbsent(tau, t -> {
            HafScorer scorer = new HafScorer(new HafPolicy(1, 1, 1, t));
            int items = task == CalibrationTask.RETRIEVAL ? queries.size() : shapes.size();
            double[][][] out = new double[items][][];
            for (int i = 0; i < items; i++) {
                int[] cands = candidates.get(i);
                out[i] = new double[cands.length][];
                for (int c = 0; c < cands.length; c++) {
                    HafScore s = task == CalibrationTask.RETRIEVAL
                        ? scorer.score(queries.get(i), shapes.get(cands[c]))
                        : scorer.score(queries.get(cands[c]), shapes.get(i));
                    out[i][c] = new double[] {s.global(), s.patch(), s.part()};
                }
            }
            return out;
        });
    }

    private static double[] fuse(double[][] levels, HafPolicy p, double sum) {
        double[] out = new double[levels.length];
        for (int c = 0; c < levels.length; c++) {
            out[c] = (p.globalWeight() * levels[c][0] + p.patchWeight() * levels[c][1] + p.partWeight() * levels[c][2]) / sum;
        }
        return out;
    }

    private static double logSumExp(double[] x, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v / t);
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v / t - max);
        }
        return max + Math.log(s);
    }

    private static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int[] top(double[] scores, int k) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(scores[b], scores[a]));
        int[] out = new int[Math.min(k, idx.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
