package org.align3d.trainer.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import org.junit.Test;

public class DataSpecTest {

    @Test
    public void generatedDataIsSynthOrSynthColon() {
        assertEquals(new DataSpec(null, 3000, 1), DataSpec.parse("synth"));
        assertEquals(new DataSpec(null, 11500, 1), DataSpec.parse("synth:11500"));
        assertEquals(new DataSpec(null, 6000, 2), DataSpec.parse("synth:6000:2"));
    }

    @Test
    public void aManifestWhoseNameStartsWithSynthIsAManifest() {
        for (String name : new String[] {"synthetic.jsonl", "synth/manifest.jsonl", "synth-data.jsonl"}) {
            DataSpec spec = DataSpec.parse(name);
            assertEquals(Path.of(name), spec.manifest());
            assertEquals(0, spec.synthCount());
        }
        assertNull(DataSpec.parse("synth:20").manifest());
    }

    @Test
    public void badGeneratedSpecsAreRefusedNamingTheValue() {
        UsageException e = assertThrows(UsageException.class, () -> DataSpec.parse("synth:many"));
        assertTrue(e.getMessage(), e.getMessage().contains("--data [synth:many] is not synth:COUNT[:SEED]"));
        e = assertThrows(UsageException.class, () -> DataSpec.parse("synth:1"));
        assertTrue(e.getMessage(), e.getMessage().contains("synth count must be in 2..1000000"));
    }
}
