package org.align3d.trainer.cli;

import java.nio.file.Path;
import java.util.List;
import org.align3d.synth.ManifestException;
import org.align3d.trainer.data.ShapeLoader;
import org.align3d.trainer.data.TrainingShape;

/**
 * Where training or evaluation data comes from: {@code synth:COUNT[:SEED]} generates Align3D-synth in memory;
 * anything else is a path to a JSONL manifest (the generator's or a user's).
 */
record DataSpec(Path manifest, int synthCount, long synthSeed) {

    static final String DEFAULT = "synth:3000:1";

    static DataSpec parse(String value) {
        if (value.equals("synth") || value.startsWith("synth:")) { // not "synthetic.jsonl", a manifest
            String[] parts = value.split(":");
            try {
                int count = parts.length > 1 ? Integer.parseInt(parts[1]) : 3000;
                long seed = parts.length > 2 ? Long.parseLong(parts[2]) : 1;
                if (count < 2 || count > 1_000_000 || parts.length > 3) {
                    throw new UsageException("--data [" + value + "]: synth count must be in 2..1000000");
                }
                return new DataSpec(null, count, seed);
            } catch (NumberFormatException e) {
                throw new UsageException("--data [" + value + "] is not synth:COUNT[:SEED]");
            }
        }
        return new DataSpec(Path.of(value), 0, 0);
    }

    List<TrainingShape> load(ShapeLoader loader) throws ManifestException {
        return manifest == null ? loader.synth(synthSeed, synthCount) : loader.manifest(manifest);
    }

    String describe() {
        return manifest == null ? "Align3D-synth, " + synthCount + " shapes, dataset seed " + synthSeed : "manifest " + manifest;
    }
}
