package org.align3d.encoder.parts;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineRuntime;
import org.align3d.sampling.Patches;
import org.align3d.sampling.PointCloud;
import org.junit.Test;

public class PartLabellerTest {

    private static Patches line() {
        float[] positions = new float[30];
        for (int i = 0; i < 10; i++) {
            positions[3 * i] = i * 0.1f;
        }
        return new Patches(new PointCloud(positions, new float[30], null, List.of()), new int[] {0, 3, 6, 9}, new int[] {0, 3, 6, 9}, 1);
    }

    @Test
    public void withoutAHeadItLabelsFromPatchVectorsAsZeroShotPartsDoes() {
        float[][] patches = {{1, 0}, {1, 0}, {0, 1}, {0, 1}};
        float[][] names = {{1, 0}, {0, 1}};
        PartLabeller labeller = PartLabeller.of(null, null);
        assertFalse(labeller.usesHead());
        assertArrayEquals(ZeroShotParts.pointLabels(line(), ZeroShotParts.similarities(patches, names), ZeroShotParts.NEIGHBOURS),
            labeller.pointLabels(line(), patches, names));
    }

    @Test
    public void withAHeadEachPointTakesTheNameNearestItsOwnVector() {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PartHead head = new PartHead(2, 8);
            head.initialize(manager, DataType.FLOAT32, new Shape(1, PointContext.channels(2)), new Shape(1, 2));
            float[][] patches = {{1, 0}, {0.8f, 0.6f}, {0, 1}, {0.6f, 0.8f}};
            float[][] names = {{1, 0}, {0, 1}};
            PointContext context = PointContext.of(line(), patches);
            float[] vectors = head.forward(new ParameterStore(manager, false), new NDList(
                manager.create(context.features(), new Shape(10, PointContext.channels(2))),
                manager.create(context.interpolated(), new Shape(10, 2))), false).singletonOrThrow().toFloatArray();
            PartLabeller labeller = PartLabeller.of(head, manager);
            assertTrue(labeller.usesHead());
            int[] labels = labeller.pointLabels(line(), patches, names);
            for (int i = 0; i < 10; i++) {
                assertEquals(1, Math.hypot(vectors[2 * i], vectors[2 * i + 1]), 1e-4); // normalised
                assertEquals("point " + i, vectors[2 * i] >= vectors[2 * i + 1] ? 0 : 1, labels[i]);
            }
        }
    }
}
