package org.align3d.synth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import org.junit.Test;

public class DatasetOptionsTest {

    private static String fails(String... args) {
        return assertThrows(DatasetOptions.UsageException.class, () -> DatasetOptions.parse(args)).getMessage();
    }

    @Test
    public void defaultsAndFlags() throws Exception {
        DatasetOptions o = DatasetOptions.parse(new String[] {"--out", "d", "--count", "10"});
        assertEquals(new DatasetOptions(Path.of("d"), 10, 1, "glb", 0), o);
        o = DatasetOptions.parse(new String[] {"--count", "3", "--out", "x", "--seed", "-4", "--format", "PLY",
            "--points", "2048"});
        assertEquals(new DatasetOptions(Path.of("x"), 3, -4, "ply", 2048), o);
        assertNull(DatasetOptions.parse(new String[] {"--out", "d", "--help"}));
    }

    @Test
    public void badFlagsAreNamed() {
        assertTrue(fails("--out", "d").contains("--count is required"));
        assertTrue(fails("--count", "5").contains("--out is required"));
        assertTrue(fails("--out", "d", "--count", "0").contains("--count [0]"));
        assertTrue(fails("--out", "d", "--count", "many").contains("--count [many] is not an integer"));
        assertTrue(fails("--out", "d", "--count", "5", "--format", "stl").contains("--format [stl]"));
        assertTrue(fails("--out", "d", "--count", "5", "--colour", "red").contains("unknown flag --colour"));
        assertTrue(fails("--out").contains("flag --out needs a value"));
        assertTrue(fails("extra").contains("unexpected argument extra"));
    }
}
