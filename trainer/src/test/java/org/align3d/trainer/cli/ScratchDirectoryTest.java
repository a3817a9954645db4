package org.align3d.trainer.cli;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

public class ScratchDirectoryTest {

    @Test
    public void closingDeletesEverythingUnderIt() throws Exception {
        Path nested;
        Path root;
        try (ScratchDirectory work = ScratchDirectory.create("align3d-scratch-test")) {
            nested = Files.createDirectories(work.resolve("fixed-0").resolve("step-3"));
            Files.writeString(nested.resolve("model.params"), "weights");
            root = work.resolve(".").normalize();
            assertTrue(Files.isDirectory(root));
        }
        assertFalse("nested files are gone", Files.exists(nested));
        assertFalse("the directory itself is gone", Files.exists(root));
    }

    @Test
    public void closingTwiceOrAfterTheDirectoryWentIsFine() throws Exception {
        ScratchDirectory work = ScratchDirectory.create("align3d-scratch-test");
        work.close();
        work.close();
    }
}
