package org.align3d.sampling.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.align3d.mesh.GltfWriter;
import org.align3d.mesh.Mesh;
import org.align3d.mesh.MeshLoader;
import org.align3d.mesh.MeshWriter;
import org.align3d.mesh.ObjWriter;
import org.align3d.mesh.OffWriter;
import org.align3d.mesh.PlyWriter;
import org.align3d.mesh.StlWriter;
import org.align3d.mesh.UpAxis;
import org.align3d.sampling.FarthestPointSampler;
import org.align3d.sampling.Normalizer;
import org.align3d.sampling.PatchGrouper;
import org.align3d.sampling.PointCloud;
import org.align3d.sampling.SamplingConfig;
import org.align3d.sampling.ShapeFrame;
import org.align3d.sampling.SurfaceSampler;

/**
 * {@code ./align3d bench geometry}: times each stage from file to patches (read, sample, normalize, farthest
 * point sampling, grouping) on one thread, for a bumpy torus of 10k, 100k and 1M triangles written in every
 * format, and prints the median milliseconds per stage as a Markdown table.
 */
public final class GeometryBenchmark {

    private static final String USAGE = """
            usage: ./align3d bench geometry [--sizes N,N,...] [--runs N] [--warmup N] [--dir DIR]
              --sizes   triangle counts to measure (default 10000,100000,1000000)
              --runs    measured runs per mesh (default 15)
              --warmup  unmeasured runs per mesh first (default 30; 3 for 1M triangles and more), so the JIT has compiled
                        each reader: a node reading many assets runs in that steady state
              --dir     where to write the generated meshes (default a temporary directory, deleted after)
            Prints the median ms per stage (read, sample 2048, normalize, FPS 128, group 32) per format and size.""";

    private record Options(int[] sizes, int runs, int warmup, Path dir) {
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("align3d bench geometry: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        boolean temporary = options.dir == null;
        Path dir = temporary ? Files.createTempDirectory("align3d-bench") : Files.createDirectories(options.dir);
        try {
            run(options, dir);
        } finally {
            if (temporary) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(dir);
            }
        }
    }

    private static Options parse(String[] args) {
        int[] sizes = {10_000, 100_000, 1_000_000};
        int runs = 15;
        int warmup = 30;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("flag " + flag + " needs a value");
            }
            String value = args[++i];
            try {
                switch (flag) {
                    case "--sizes" -> sizes = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--dir" -> dir = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown flag " + flag);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " [" + value + "] is not a number or list of numbers");
            }
        }
        if (runs < 1 || warmup < 0 || Arrays.stream(sizes).anyMatch(s -> s < 100 || s > 5_000_000)) {
            throw new IllegalArgumentException("--runs must be >= 1, --warmup >= 0, --sizes in 100..5000000");
        }
        return new Options(sizes, runs, warmup, dir);
    }

    private static void run(Options options, Path dir) throws IOException {
        SamplingConfig config = SamplingConfig.DEFAULTS;
        MeshLoader loader = new MeshLoader();
        SurfaceSampler sampler = new SurfaceSampler(config.points());
        Normalizer normalizer = new Normalizer();
        FarthestPointSampler fps = new FarthestPointSampler();
        PatchGrouper grouper = new PatchGrouper(config.patchSize());
        MeshWriter[] writers = {new ObjWriter(), new PlyWriter(), new PlyWriter(true), new StlWriter(), new OffWriter(),
            new GltfWriter()};
        String[] names = {"OBJ", "PLY binary", "PLY ascii", "STL binary", "OFF", "GLB"};
        System.out.printf("| triangles | format | file MB | read | sample | normalize | FPS | group | total |%n");
        System.out.printf("|---:|---|---:|---:|---:|---:|---:|---:|---:|%n");
        for (int size : options.sizes) {
            Mesh mesh = bumpyTorus(size);
            for (int w = 0; w < writers.length; w++) {
                Path file = dir.resolve("torus-" + size + "-" + w + "." + writers[w].extension());
                writers[w].write(mesh, file);
                int runs = size >= 1_000_000 ? Math.max(3, options.runs / 3) : options.runs;
                int warmup = size >= 1_000_000 ? Math.min(3, options.warmup) : options.warmup;
                long[][] times = new long[5][runs];
                for (int r = -warmup; r < runs; r++) {
                    long t0 = System.nanoTime();
                    Mesh read = loader.read(file);
                    long t1 = System.nanoTime();
                    PointCloud cloud = sampler.sample(read, r);
                    long t2 = System.nanoTime();
                    ShapeFrame frame = normalizer.frame(read);
                    PointCloud unit = normalizer.apply(frame, cloud);
                    long t3 = System.nanoTime();
                    int[] centres = fps.select(unit, config.patches());
                    long t4 = System.nanoTime();
                    grouper.group(unit, centres);
                    long t5 = System.nanoTime();
                    if (r >= 0) {
                        long[] stamps = {t0, t1, t2, t3, t4, t5};
                        for (int s = 0; s < 5; s++) {
                            times[s][r] = stamps[s + 1] - stamps[s];
                        }
                    }
                }
                double[] medians = new double[5];
                double total = 0;
                for (int s = 0; s < 5; s++) {
                    medians[s] = median(times[s]);
                    total += medians[s];
                }
                System.out.printf("| %,d | %s | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f | %.1f |%n", size, names[w],
                        Files.size(file) / 1e6, medians[0], medians[1], medians[2], medians[3], medians[4], total);
                Files.delete(file);
            }
        }
        System.out.println("median ms per stage, one thread; " + config.points() + " points, " + config.patches()
                + " patches of " + config.patchSize());
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** A torus with a wavy surface, {@code 2 * u * v} triangles close to the requested count. */
    static Mesh bumpyTorus(int triangles) {
        int v = Math.max(8, (int) Math.sqrt(triangles / 8.0));
        int u = Math.max(8, triangles / (2 * v));
        float[] p = new float[3 * u * v];
        for (int i = 0; i < u; i++) {
            double a = 2 * Math.PI * i / u;
            for (int j = 0; j < v; j++) {
                double b = 2 * Math.PI * j / v;
                double r = 0.3 + 0.02 * Math.sin(7 * a) * Math.cos(5 * b);
                double ring = 1 + r * Math.cos(b);
                int k = 3 * (i * v + j);
                p[k] = (float) (ring * Math.cos(a));
                p[k + 1] = (float) (r * Math.sin(b));
                p[k + 2] = (float) (ring * Math.sin(a));
            }
        }
        int[] t = new int[6 * u * v];
        int f = 0;
        for (int i = 0; i < u; i++) {
            int in = (i + 1) % u;
            for (int j = 0; j < v; j++) {
                int jn = (j + 1) % v;
                int a00 = i * v + j, a01 = i * v + jn, a10 = in * v + j, a11 = in * v + jn;
                t[f++] = a00;
                t[f++] = a01;
                t[f++] = a10;
                t[f++] = a10;
                t[f++] = a01;
                t[f++] = a11;
            }
        }
        return Mesh.of("torus", p, t, null, List.of(), UpAxis.Y);
    }
}
