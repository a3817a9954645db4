package org.align3d.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's {@code ./align3d} launcher as a user would, never rebuilding (ALIGN3D_NO_BUILD=1). */
final class Launcher {

    static final Path ROOT = Path.of(System.getProperty("align3d.root", ".")).toAbsolutePath().normalize();

    /** A finished command: its exit status and everything it printed (stdout and stderr interleaved). */
    record Result(int exitCode, String output) {
        List<String> lines() {
            return output.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private Launcher() {}

    static ProcessBuilder command(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("align3d").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("ALIGN3D_NO_BUILD", "1");
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs a launcher command to completion (at most two minutes). */
    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("align3d-launcher", ".out");
        Process p = command(env, args).redirectOutput(out.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("./align3d " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return new Result(p.exitValue(), text);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
