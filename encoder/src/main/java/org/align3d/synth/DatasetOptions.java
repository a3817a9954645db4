package org.align3d.synth;

import java.nio.file.Path;
import java.util.Locale;
import org.align3d.synth.category.Categories;

/**
 * The dataset command's flags, parsed and validated once. Defaults: seed 1, GLB meshes, no point clouds.
 *
 * @param out    output directory (created; must not already hold a manifest)
 * @param count  samples to generate
 * @param seed   the dataset seed
 * @param format mesh format: obj, ply or glb
 * @param points points per pre-sampled cloud, 0 for none
 */
public record DatasetOptions(Path out, int count, long seed, String format, int points) {

    public static final long DEFAULT_SEED = 1;
    public static final String DEFAULT_FORMAT = "glb";

    static final String USAGE = """
            usage: ./align3d dataset --out DIR --count N [--seed S] [--format obj|ply|glb] [--points N]
              --out DIR       directory to write: DIR/manifest.jsonl, DIR/meshes/, DIR/dataset.json
              --count N       number of samples (1..10000000)
              --seed S        dataset seed (default 1); the same seed and count give byte-identical files
              --format F      mesh format: glb (default), obj or ply; all keep the part labels
              --points N      also write a normalised point cloud of N points per sample to DIR/points/
                              (binary PLY with x y z nx ny nz part); default 0 = none
            Generates Align3D-synth: shapes of %d everyday categories with attributes, captions from coarse to fine,
            train/val/test splits holding out attribute combinations and phrasings, and hard-negative groups.""".formatted(
                Categories.ALL.size());

    /** Thrown for a bad flag; the message names it. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public DatasetOptions {
        if (count < 1 || count > 10_000_000) {
            throw new IllegalArgumentException("--count must be in 1..10000000, got " + count);
        }
        if (!format.equals("obj") && !format.equals("ply") && !format.equals("glb")) {
            throw new IllegalArgumentException("--format must be obj, ply or glb, got " + format);
        }
        if (points < 0 || points > 1 << 20) {
            throw new IllegalArgumentException("--points must be in 0.." + (1 << 20) + ", got " + points);
        }
    }

    /** Parses the arguments; returns null when help was asked for. */
    public static DatasetOptions parse(String[] args) throws UsageException {
        Path out = null;
        Integer count = null;
        long seed = DEFAULT_SEED;
        String format = DEFAULT_FORMAT;
        int points = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("-h") || flag.equals("--help")) {
                return null;
            }
            if (!flag.startsWith("--")) {
                throw new UsageException("unexpected argument " + flag);
            }
            if (i + 1 >= args.length) {
                throw new UsageException("flag " + flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--out" -> out = Path.of(value);
                case "--count" -> count = (int) number(flag, value, 1, 10_000_000);
                case "--seed" -> seed = number(flag, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--format" -> {
                    format = value.toLowerCase(Locale.ROOT);
                    if (!format.equals("obj") && !format.equals("ply") && !format.equals("glb")) {
                        throw new UsageException("--format [" + value + "] must be obj, ply or glb");
                    }
                }
                case "--points" -> points = (int) number(flag, value, 0, 1 << 20);
                default -> throw new UsageException("unknown flag " + flag);
            }
        }
        if (out == null) {
            throw new UsageException("flag --out is required");
        }
        if (count == null) {
            throw new UsageException("flag --count is required");
        }
        return new DatasetOptions(out, count, seed, format, points);
    }

    private static long number(String flag, String value, long min, long max) throws UsageException {
        try {
            long v = Long.parseLong(value);
            if (v < min || v > max) {
                throw new UsageException(flag + " [" + value + "] must be in " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " [" + value + "] is not an integer");
        }
    }
}
