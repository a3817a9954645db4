package org.align3d.encoder.bundle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.align3d.encoder.runtime.DevicePreference;
import org.align3d.encoder.runtime.EngineRuntime;
import org.junit.Test;

public class ParameterDecoderTest {

    @Test
    public void readsWhatDjlWritesAsDjlReadsIt() throws IOException {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray weights = manager.randomNormal(new Shape(96, 40));
            weights.setName("weight");
            List<NDArray> tensors = List.of(weights, manager.arange(0, 3000, 1, DataType.INT64).reshape(3, 10, 100),
                manager.create(new float[] {1.5f}), manager.randomUniform(-1, 1, new Shape(7)).toType(DataType.FLOAT64, false));
            for (NDArray written : tensors) {
                byte[] bytes = written.encode();
                NDArray djl = manager.decode(bytes);
                NDArray ours = ParameterDecoder.decode(manager, new DataInputStream(new ByteArrayInputStream(bytes)), bytes.length);
                assertEquals(djl.getShape(), ours.getShape());
                assertEquals(djl.getDataType(), ours.getDataType());
                assertEquals(djl.getName(), ours.getName());
                assertArrayEquals(djl.toByteArray(), ours.toByteArray());
                assertSame(manager, ours.getManager());
            }
        }
    }

    @Test
    public void aLengthThatDoesNotFitTheShapeIsRefusedNamingTheTensor() {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray weights = manager.ones(new Shape(4, 4));
            weights.setName("weight");
            byte[] bytes = weights.encode();
            ByteBuffer.wrap(bytes).putInt(bytes.length - 64 - 4, 1 << 30); // the length field, just before 64 data bytes
            IOException e = assertThrows(IOException.class,
                () -> ParameterDecoder.decode(manager, new DataInputStream(new ByteArrayInputStream(bytes)), bytes.length));
            assertTrue(e.getMessage(), e.getMessage().contains("[weight]") && e.getMessage().contains("needs 64 bytes"));
        }
    }

    @Test
    public void aTensorClaimingMoreDataThanTheFileHoldsIsRefusedBeforeAllocating() {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray weights = manager.ones(new Shape(4, 4));
            weights.setName("weight");
            byte[] bytes = weights.encode();
            // as if the file ended within the header's claim: 64 data bytes, fewer available
            IOException e = assertThrows(IOException.class,
                () -> ParameterDecoder.decode(manager, new DataInputStream(new ByteArrayInputStream(bytes)), 63));
            assertTrue(e.getMessage(), e.getMessage().contains("[weight]") && e.getMessage().contains("claims 64 bytes of data")
                && e.getMessage().contains("at most 63 more"));
        }
    }

    @Test
    public void refusesWhatIsNotATensor() {
        EngineRuntime.start(DevicePreference.CPU);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            byte[] bytes = {0, 4, 'J', 'U', 'N', 'K', 0, 0, 0, 1};
            IOException e = assertThrows(IOException.class,
                () -> ParameterDecoder.decode(manager, new DataInputStream(new ByteArrayInputStream(bytes)), bytes.length));
            assertTrue(e.getMessage(), e.getMessage().contains("NDAR"));
        }
    }
}
