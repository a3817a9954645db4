package org.align3d.client.bulk;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress bar on stderr: {@code [#####.....] 120/300 files  14.2 docs/s  2 failed}. On a terminal it redraws
 * one line (at most ten times a second); otherwise (a log, a test) it prints a line every {@link #LOG_INTERVAL_NANOS}.
 */
public final class ProgressBar implements ProgressListener {

    static final long LOG_INTERVAL_NANOS = 5_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private long lastPrint = Long.MIN_VALUE / 2;

    public ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A bar on stderr that redraws in place when stderr is a terminal. */
    public static ProgressBar onStderr() {
        return new ProgressBar(System.err, stderrIsTerminal());
    }

    /**
     * From JDK 22 {@code System.console()} exists even when output is redirected and {@code Console.isTerminal()}
     * tells; the project compiles for 21, so that method is looked up when present.
     */
    private static boolean stderrIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only for a terminal
        }
    }

    @Override
    public synchronized void update(Progress p) {
        long now = System.nanoTime();
        if (now - lastPrint < (terminal ? REDRAW_NANOS : LOG_INTERVAL_NANOS)) {
            return;
        }
        lastPrint = now;
        print(p, false);
    }

    @Override
    public synchronized void finish(Progress p) {
        print(p, true);
    }

    private void print(Progress p, boolean last) {
        String line = line(p);
        if (terminal) {
            out.print("\r" + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String line(Progress p) {
        int filled = p.total() == 0 ? WIDTH : (int) ((long) WIDTH * p.done() / p.total());
        return String.format(Locale.ROOT, "[%s%s] %d/%d files  %.1f docs/s  %d failed  %.0f s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), p.done(), p.total(), p.docsPerSecond(), p.failed(),
                p.seconds());
    }
}
