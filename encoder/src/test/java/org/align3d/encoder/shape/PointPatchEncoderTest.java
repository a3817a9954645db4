package org.align3d.encoder.shape;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineRuntime;
import org.junit.Test;

public class PointPatchEncoderTest {

    private static final ShapeEncoderConfig SMALL = new ShapeEncoderConfig(256, 16, 8, 6, 32, 1, 4, 24, 12);

    @Test
    public void outputsHaveTheDocumentedShapes() {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PointPatchEncoder encoder = new PointPatchEncoder(SMALL);
            Shape patches = new Shape(3, 16, 8, 6);
            Shape centres = new Shape(3, 16, 3);
            encoder.initialize(manager, DataType.FLOAT32, patches, centres);
            NDList out = encoder.forward(new ParameterStore(manager, false),
                new NDList(manager.randomNormal(patches), manager.randomNormal(centres)), false);
            assertEquals(new Shape(3, 24), out.get(0).getShape());
            assertEquals(new Shape(3, 16, 12), out.get(1).getShape());
            assertEquals(new Shape(3, 16, 32), out.get(2).getShape());
            assertEquals(new Shape(3, 16, 32), out.get(3).getShape());
            assertArrayEquals(new Shape[] {new Shape(3, 24), new Shape(3, 16, 12), new Shape(3, 16, 32), new Shape(3, 16, 32)},
                encoder.getOutputShapes(new Shape[] {patches, centres}));
        }
    }

    @Test
    public void globalVectorIgnoresPointOrderWithinPatchesAndPatchOrder() {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PointPatchEncoder encoder = new PointPatchEncoder(SMALL);
            encoder.initialize(manager, DataType.FLOAT32, new Shape(1, 16, 8, 6), new Shape(1, 16, 3));
            NDArray patches = manager.randomNormal(new Shape(1, 16, 8, 6));
            NDArray centres = manager.randomNormal(new Shape(1, 16, 3));
            ParameterStore ps = new ParameterStore(manager, false);
            float[] a = encoder.forward(ps, new NDList(patches, centres), false).get(0).toFloatArray();
            NDArray pointPerm = manager.create(new long[] {7, 6, 5, 4, 3, 2, 1, 0});
            NDArray patchPerm = manager.arange(15, -1, -1).toType(DataType.INT64, false);
            NDArray shuffled = patches.get(":, :, {}", pointPerm).get(":, {}", patchPerm);
            float[] b = encoder.forward(ps, new NDList(shuffled, centres.get(":, {}", patchPerm)), false).get(0).toFloatArray();
            assertArrayEquals(a, b, 1e-4f);
        }
    }

    @Test
    public void parametersRoundTripExactly() throws Exception {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Shape patches = new Shape(2, 16, 8, 6);
            Shape centres = new Shape(2, 16, 3);
            PointPatchEncoder trained = new PointPatchEncoder(SMALL);
            trained.initialize(manager, DataType.FLOAT32, patches, centres);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            trained.saveParameters(new DataOutputStream(bytes));
            PointPatchEncoder loaded = new PointPatchEncoder(SMALL);
            loaded.initialize(manager, DataType.FLOAT32, patches, centres);
            loaded.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            NDList in = new NDList(manager.randomNormal(patches), manager.randomNormal(centres));
            ParameterStore ps = new ParameterStore(manager, false);
            assertArrayEquals(trained.forward(ps, in, false).get(0).toFloatArray(), loaded.forward(ps, in, false).get(0).toFloatArray(), 0f);
            assertTrue(bytes.size() > 1000);
        }
        assertTrue(Model.class != null);
    }
}
