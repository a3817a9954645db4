package org.align3d.encoder.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts the deep learning engine align3d's encoders run on (DJL with PyTorch) and resolves the device to use.
 *
 * <p>Nothing here downloads: align3d ships the PyTorch CPU natives as a jar, and DJL is put in offline mode
 * before the engine starts. A GPU is used only when the PyTorch natives on the classpath support one (the CPU
 * build shipped by default does not; see the README's "GPU nodes" section for the CUDA build profile).
 *
 * <p>The engine is process-wide; {@link #start} is cheap after the first call (~3 s on first start, which
 * unpacks the natives into DJL's cache directory).
 */
public final class EngineRuntime {

    /** The engine every trainable align3d network runs on. */
    public static final String ENGINE = "PyTorch";

    private EngineRuntime() {}

    /**
     * Starts the PyTorch engine (once per process) and returns it with the device chosen for {@code preference}.
     *
     * @throws EngineStartException when the engine cannot start, or {@code gpu} is required and none is visible
     */
    public static EngineInfo start(DevicePreference preference) {
        forceOffline();
        Engine engine;
        try {
            engine = Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new EngineStartException("the " + ENGINE + " engine did not start: " + e.getMessage(), e);
        }
        int gpus = engine.getGpuCount();
        Device device = switch (preference) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new EngineStartException("device preference is gpu but the " + ENGINE
                        + " engine sees no GPU (the natives on this node are the CPU build); use auto or cpu, "
                        + "or install the CUDA build described in the README");
                }
                yield Device.gpu();
            }
        };
        return new EngineInfo(engine.getEngineName(), engine.getVersion(), device, gpus, preference, JniUtils.getNumThreads(),
            JniUtils.getNumInteropThreads());
    }

    /** DJL reads these before its first network access; setting them here guarantees none happens at run time. */
    private static void forceOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }
}
