package org.align3d.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The launcher's answers to bad input: usage for wrong commands and flags, one clear line for what a user must fix. */
public class LauncherEndToEndTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void unknownCommandPrintsUsageAndFails() throws Exception {
        Launcher.Result r = Launcher.run(Map.of(), "frobnicate");
        assertEquals(2, r.exitCode());
        assertTrue(r.output(), r.output().contains("unknown command frobnicate"));
        assertTrue(r.output(), r.output().contains("usage: ./align3d <command>"));
    }

    @Test
    public void noCommandPrintsUsageAndFails() throws Exception {
        Launcher.Result r = Launcher.run(Map.of());
        assertEquals(2, r.exitCode());
        assertTrue(r.output(), r.output().contains("usage: ./align3d <command>"));
    }

    @Test
    public void unknownServeFlagPrintsUsageAndFails() throws Exception {
        Launcher.Result r = Launcher.run(Map.of(), "serve", "--colour", "blue");
        assertEquals(2, r.exitCode());
        assertTrue(r.output(), r.output().contains("unknown flag --colour"));
        assertTrue(r.output(), r.output().contains("usage: ./align3d serve"));
    }

    @Test
    public void helpOfEachCommandSucceeds() throws Exception {
        for (String command : new String[] {"serve", "test", "build"}) {
            Launcher.Result r = Launcher.run(Map.of(), command, "--help");
            assertEquals(r.output(), 0, r.exitCode());
            assertTrue(r.output(), r.output().contains("usage: ./align3d " + command));
        }
    }

    @Test
    public void badPortValueIsRefused() throws Exception {
        Launcher.Result r = Launcher.run(Map.of(), "serve", "--port", "99999", "--data", tmp.newFolder().toString());
        assertEquals(r.output(), 2, r.exitCode());
        assertTrue(r.output(), r.output().contains("--port [99999] is outside 1-65535"));
    }

    @Test
    public void portInUseIsOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Launcher.Result r = Launcher.run(Map.of(), "serve", "--port", Integer.toString(port), "--data", tmp.newFolder().toString());
            assertEquals(r.output(), 1, r.exitCode());
            assertEquals(r.output(), 1, r.lines().size());
            assertTrue(r.output(), r.output().contains("port " + port + " on 127.0.0.1 is already in use"));
        }
    }

    @Test
    public void unwritableDataDirectoryIsOneClearLine() throws Exception {
        // Tests run as root, which ignores permission bits: a path under a regular file cannot be a directory.
        Path file = tmp.newFile("not-a-directory").toPath();
        Path data = file.resolve("home");
        Launcher.Result r = Launcher.run(Map.of(), "serve", "--port", Integer.toString(Launcher.freePort()), "--data", data.toString());
        assertEquals(r.output(), 1, r.exitCode());
        assertEquals(r.output(), 1, r.lines().size());
        assertTrue(r.output(), r.output().contains("data directory " + data + " is not writable"));
        assertFalse(Files.exists(data));
    }

    @Test
    public void missingJdkIsOneClearLine() throws Exception {
        Path empty = tmp.newFolder("no-jdks").toPath();
        Launcher.Result r = Launcher.run(Map.of("JAVA_HOME", "", "ALIGN3D_JDK_DIR", empty.toString()), "serve");
        assertEquals(r.output(), 1, r.exitCode());
        assertEquals(r.output(), 1, r.lines().size());
        assertTrue(r.output(), r.output().contains("no JDK >= 21 found"));
    }
}
