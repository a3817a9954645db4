package org.align3d.encoder.runtime;

import ai.djl.Device;

/**
 * A started engine and the device align3d runs it on.
 *
 * @param engineName  DJL's name of the engine ({@code PyTorch})
 * @param version     the engine library's version, e.g. {@code 2.7.1}
 * @param device      the device encoders run on
 * @param gpuCount    GPUs the engine sees on this machine
 * @param preference  what the operator asked for
 * @param intraOpThreads threads the engine uses within one operation (PyTorch's default: one per core; the JVM
 *                    property {@code ai.djl.pytorch.num_threads} sets it when the engine starts)
 * @param interOpThreads threads the engine runs independent operations on ({@code ai.djl.pytorch.num_interop_threads})
 */
public record EngineInfo(String engineName, String version, Device device, int gpuCount, DevicePreference preference,
                         int intraOpThreads, int interOpThreads) {

    /** {@code cpu} or {@code gpu(0)}, as shown in the plugin's info endpoint. */
    public String deviceName() {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }
}
