package org.align3d.trainer.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.align3d.json.JsonFormatException;
import org.align3d.json.JsonObject;

/**
 * Where a run stands, saved beside its weights in every checkpoint ({@code state.json}) so a run resumes where it
 * stopped: the step, the learning-rate multiplier and the token-level temperature (both moved by calibration).
 * Adam's moment estimates are not saved: a resumed run rebuilds them within a few dozen steps.
 */
public record TrainingState(int step, float learningRateMultiplier, float temperature) {

    public void write(Path file) throws IOException {
        Files.writeString(file, String.format(Locale.ROOT,
            "{\"step\": %d, \"learning_rate_multiplier\": %s, \"temperature\": %s}%n", step, learningRateMultiplier, temperature));
    }

    public static TrainingState read(Path file) throws IOException {
        try {
            JsonObject json = JsonObject.parse(Files.readString(file));
            return new TrainingState(json.intIn("step", 0, Integer.MAX_VALUE), (float) json.number("learning_rate_multiplier"),
                (float) json.number("temperature"));
        } catch (JsonFormatException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
