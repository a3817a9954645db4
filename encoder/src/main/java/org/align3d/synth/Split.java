package org.align3d.synth;

import java.util.Locale;

/** Dataset splits, written lower-case in the manifest. */
public enum Split {
    TRAIN, VAL, TEST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Split parse(String id) {
        for (Split s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown split '" + id + "' (expected train, val or test)");
    }
}
