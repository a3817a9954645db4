package org.align3d.encoder.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class DevicePreferenceTest {

    @Test
    public void parsesEachValueInAnyCase() {
        assertEquals(DevicePreference.AUTO, DevicePreference.parse("auto"));
        assertEquals(DevicePreference.CPU, DevicePreference.parse(" CPU "));
        assertEquals(DevicePreference.GPU, DevicePreference.parse("Gpu"));
    }

    @Test
    public void refusesUnknownValueNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DevicePreference.parse("tpu"));
        assertTrue(e.getMessage(), e.getMessage().contains("[tpu]"));
        assertTrue(e.getMessage(), e.getMessage().contains("auto, cpu, gpu"));
    }

    @Test
    public void settingValueRoundTrips() {
        for (DevicePreference p : DevicePreference.values()) {
            assertEquals(p, DevicePreference.parse(p.settingValue()));
        }
    }
}
