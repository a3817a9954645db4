package org.align3d.trainer.calibrate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.haf.HafQuery;
import org.align3d.encoder.haf.HafShape;
import org.align3d.sampling.Patches;
import org.align3d.sampling.PointCloud;
import org.align3d.trainer.data.TrainingShape;
import org.align3d.trainer.eval.EmbeddedGallery;
import org.junit.Test;

public class HafPolicySearchTest {

    /**
     * A gallery where the global vectors cannot tell shapes apart but the patch level can: any policy that weighs
     * patches more than global must win, so the search has a known answer.
     */
    static EmbeddedGallery patchDecidesGallery(int n) {
        SplittableRandom r = new SplittableRandom(1);
        List<TrainingShape> shapes = new ArrayList<>();
        List<HafShape> embedded = new ArrayList<>();
        List<HafQuery> queries = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        float[] sameGlobal = unit(new float[] {1, 0, 0, 0});
        PointCloud cloud = new PointCloud(new float[] {0, 0, 0}, new float[] {0, 1, 0}, null, List.of());
        Patches patches = new Patches(cloud, new int[] {0}, new int[] {0}, 1);
        for (int i = 0; i < n; i++) {
            float[] own = unit(new float[] {(float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian()});
            float[] noisyGlobal = unit(new float[] {1, 0.05f * (float) r.nextGaussian(), 0.05f * (float) r.nextGaussian(), 0});
            shapes.add(new TrainingShape("s" + i, null, Map.of(), List.of("c" + i), List.of(), null, null, patches));
            embedded.add(new HafShape(noisyGlobal, new float[][] {own}, new int[] {0}, 1));
            queries.add(new HafQuery(sameGlobal, new float[][] {own}, new float[] {1}, new int[] {0}, List.of("w")));
            captions.add("c" + i);
        }
        return new EmbeddedGallery(shapes, embedded, queries, captions, List.of(), List.of(), Map.of());
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(n);
        }
        return v;
    }

    @Test
    public void searchMovesWeightToTheLevelThatDecides() {
        PolicyObjective objective = PolicyObjective.of(CalibrationTask.RETRIEVAL, patchDecidesGallery(40), 0.5);
        HafPolicy start = new HafPolicy(1, 0.25, 0.25, 0.1);
        double before = objective.value(start);
        HafPolicySearch.Outcome mcts = new HafPolicySearch(objective).mcts(start, 120, 3);
        assertTrue(mcts.value() > before);
        assertTrue("patch weight must outgrow global: " + mcts.policy(), mcts.policy().patchWeight() + mcts.policy().partWeight()
            > mcts.policy().globalWeight());
        assertTrue(mcts.evaluations() <= 120);
        assertEquals(objective.value(mcts.policy()), mcts.value(), 1e-9);
    }

    @Test
    public void randomSearchRespectsTheSameBudget() {
        PolicyObjective objective = PolicyObjective.of(CalibrationTask.RETRIEVAL, patchDecidesGallery(30), 0.5);
        HafPolicySearch.Outcome random = new HafPolicySearch(objective).random(HafPolicy.UNCALIBRATED, 50, 3);
        assertEquals(50, random.evaluations());
        assertTrue(random.value() >= objective.value(HafPolicy.UNCALIBRATED));
    }

    @Test
    public void actionsStayInRange() {
        assertNull(HafPolicySearch.next(new HafPolicy(0, 1, 1, 0.1), HafPolicySearch.PolicyAction.GLOBAL_DOWN));
        assertNull(HafPolicySearch.next(new HafPolicy(1, 1, 3, 0.1), HafPolicySearch.PolicyAction.PART_UP));
        assertNull(HafPolicySearch.next(new HafPolicy(1, 1, 1, 0.012), HafPolicySearch.PolicyAction.SHARPER));
        assertEquals(new HafPolicy(1.25, 1, 1, 0.1), HafPolicySearch.next(new HafPolicy(1, 1, 1, 0.1), HafPolicySearch.PolicyAction.GLOBAL_UP));
    }
}
