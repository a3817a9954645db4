package org.align3d.encoder.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.Test;

/** Starts the real PyTorch engine from the natives jar, offline, and computes on the chosen device. */
public class EngineRuntimeTest {

    @Test
    public void cpuPreferenceRunsOnCpu() {
        EngineInfo info = EngineRuntime.start(DevicePreference.CPU);
        assertEquals("PyTorch", info.engineName());
        assertTrue("engine version " + info.version(), info.version().startsWith("2.7"));
        assertEquals("cpu", info.deviceName());
        assertTrue("intra-op threads " + info.intraOpThreads(), info.intraOpThreads() >= 1);
        assertTrue("inter-op threads " + info.interOpThreads(), info.interOpThreads() >= 1);
        try (NDManager manager = NDManager.newBaseManager(info.device(), info.engineName())) {
            NDArray a = manager.create(new float[] {1f, 2f, 3f});
            assertEquals(14f, a.mul(a).sum().getFloat(), 0f);
        }
    }

    @Test
    public void autoPreferenceFallsBackToCpuWithoutGpu() {
        EngineInfo info = EngineRuntime.start(DevicePreference.AUTO);
        if (info.gpuCount() == 0) {
            assertEquals("cpu", info.deviceName());
        } else {
            assertTrue(info.device().isGpu());
        }
    }

    @Test
    public void gpuPreferenceWithoutGpuIsRefusedClearly() {
        EngineInfo probe = EngineRuntime.start(DevicePreference.AUTO);
        org.junit.Assume.assumeTrue("this machine has a GPU", probe.gpuCount() == 0);
        EngineStartException e = assertThrows(EngineStartException.class, () -> EngineRuntime.start(DevicePreference.GPU));
        assertTrue(e.getMessage(), e.getMessage().contains("sees no GPU"));
    }
}
