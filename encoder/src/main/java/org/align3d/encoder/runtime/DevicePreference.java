package org.align3d.encoder.runtime;

import java.util.Locale;

/**
 * Where a node runs its encoders, as an operator asks for it with the node setting {@code align3d.device}.
 *
 * <ul>
 *   <li>{@code auto} (default): the first GPU when the PyTorch engine sees one, otherwise the CPU;</li>
 *   <li>{@code cpu}: always the CPU;</li>
 *   <li>{@code gpu}: the first GPU; starting the engine fails when there is none, so a misconfigured
 *       GPU node is noticed instead of silently running on CPU.</li>
 * </ul>
 */
public enum DevicePreference {
    AUTO,
    CPU,
    GPU;

    /** Parses {@code auto|cpu|gpu} (any case); anything else is refused with a message naming the value. */
    public static DevicePreference parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("device preference is missing: expected one of auto, cpu, gpu");
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "cpu" -> CPU;
            case "gpu" -> GPU;
            default -> throw new IllegalArgumentException(
                "unknown device preference [" + value + "]: expected one of auto, cpu, gpu");
        };
    }

    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
