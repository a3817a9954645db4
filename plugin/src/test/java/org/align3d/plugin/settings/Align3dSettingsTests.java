package org.align3d.plugin.settings;

import java.nio.file.Path;
import java.util.List;
import org.align3d.encoder.runtime.DevicePreference;
import org.opensearch.common.settings.Settings;
import org.opensearch.test.OpenSearchTestCase;

public class Align3dSettingsTests extends OpenSearchTestCase {

    public void testDefaults() {
        assertEquals(DevicePreference.AUTO, Align3dSettings.DEVICE.get(Settings.EMPTY));
        assertEquals(List.of(), Align3dSettings.ASSETS_ROOTS.get(Settings.EMPTY));
        assertFalse(Align3dSettings.INDEX_ENABLED.get(Settings.EMPTY));
        assertEquals(Long.valueOf(64L << 20), Align3dSettings.ASSETS_MAX_BYTES.get(Settings.EMPTY));
    }

    public void testAssetsMaxBytesTakesAByteSizeOrABareCount() {
        assertEquals(Long.valueOf(32L << 20), maxBytes("32mb"));
        assertEquals(Long.valueOf(1L << 30), maxBytes("1gb"));
        assertEquals(Long.valueOf(67108864L), maxBytes("67108864"));
        assertEquals(Long.valueOf(1024L), maxBytes("1kb"));
    }

    public void testAssetsMaxBytesRefusesOutOfRangeAndGarbageNamingIt() {
        for (String bad : List.of("2gb", "1023", "0", "-5", "lots", "12 parsecs")) {
            IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> maxBytes(bad));
            String message = e.getMessage() + " " + e.getCause();
            assertTrue(message, message.contains("align3d.assets.max_bytes"));
            assertTrue(message, message.contains("[" + bad + "]"));
        }
    }

    private static Long maxBytes(String value) {
        return Align3dSettings.ASSETS_MAX_BYTES.get(Settings.builder().put("align3d.assets.max_bytes", value).build());
    }

    public void testDeviceAcceptsEachPreference() {
        for (DevicePreference p : DevicePreference.values()) {
            String value = randomBoolean() ? p.settingValue() : p.name();
            assertEquals(p, Align3dSettings.DEVICE.get(Settings.builder().put("align3d.device", value).build()));
        }
    }

    public void testDeviceRefusesUnknownValueNamingIt() {
        Settings s = Settings.builder().put("align3d.device", "tpu").build();
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> Align3dSettings.DEVICE.get(s));
        assertTrue(e.getMessage(), e.getMessage().contains("align3d.device"));
        assertTrue(e.getMessage(), (e.getMessage() + e.getCause()).contains("[tpu]"));
    }

    public void testAssetsRootsAreAbsoluteAndNormalized() {
        Settings s = Settings.builder().putList("align3d.assets.roots", "/srv/assets/../catalog", "/mnt/meshes").build();
        assertEquals(List.of(Path.of("/srv/catalog"), Path.of("/mnt/meshes")), Align3dSettings.ASSETS_ROOTS.get(s));
    }

    public void testAssetsRootsRefuseRelativePaths() {
        Settings s = Settings.builder().putList("align3d.assets.roots", "meshes").build();
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> Align3dSettings.ASSETS_ROOTS.get(s));
        String message = e.getMessage() + " " + e.getCause();
        assertTrue(message, message.contains("[meshes] must be an absolute directory"));
    }
}
