package org.align3d.trainer.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --switch} flags, checked against the flags a command knows. */
final class Flags {

    private final Map<String, String> values = new HashMap<>();

    Flags(String[] args, Set<String> valued, Set<String> switches) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (switches.contains(a)) {
                values.put(a, "true");
            } else if (valued.contains(a)) {
                if (i + 1 >= args.length) {
                    throw new UsageException("flag " + a + " needs a value");
                }
                values.put(a, args[++i]);
            } else {
                throw new UsageException(a.startsWith("--") ? "unknown flag " + a : "unexpected argument [" + a + "]");
            }
        }
    }

    boolean has(String flag) {
        return values.containsKey(flag);
    }

    String string(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    Path path(String flag, Path fallback) {
        return values.containsKey(flag) ? Path.of(values.get(flag)) : fallback;
    }

    int integer(String flag, int fallback, int min, int max) {
        if (!values.containsKey(flag)) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(values.get(flag));
            if (v < min || v > max) {
                throw new UsageException(flag + " [" + v + "] must be in " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " [" + values.get(flag) + "] is not an integer");
        }
    }

    float number(String flag, float fallback, float min, float max) {
        if (!values.containsKey(flag)) {
            return fallback;
        }
        try {
            float v = Float.parseFloat(values.get(flag));
            if (!(v >= min && v <= max)) {
                throw new UsageException(flag + " [" + values.get(flag) + "] must be in " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " [" + values.get(flag) + "] is not a number");
        }
    }

    String choice(String flag, String fallback, List<String> allowed) {
        String v = values.getOrDefault(flag, fallback);
        if (!allowed.contains(v)) {
            throw new UsageException(flag + " [" + v + "] must be one of " + String.join(", ", allowed));
        }
        return v;
    }
}
