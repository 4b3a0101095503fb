package io.samsa.tools.cli;

import io.samsa.common.Time;

import java.io.PrintStream;

/**
 * The one line a long operation keeps rewriting on standard error ({@code \r} then the new text)
 * while a person watches it, and nothing at all when the tool's output goes to a file or a pipe,
 * where such a line would only be noise: {@link #onTerminal} is active only when the process has a
 * console. Updates closer together than {@value #MIN_INTERVAL_MS} ms are dropped, so a caller may
 * report on every step; {@link #close} erases the line so what follows starts on a clean one.
 *
 * <p>Not thread-safe: one thread reports.
 */
public final class Progress implements AutoCloseable {

    static final long MIN_INTERVAL_MS = 250;

    private final PrintStream err;
    private final boolean active;
    private final Time time;
    private long lastShownMs = Long.MIN_VALUE;
    private int shownLength;

    Progress(PrintStream err, boolean active, Time time) {
        this.err = err;
        this.active = active;
        this.time = time;
    }

    /** A progress line on {@code err} if this process runs on a terminal, else one that prints nothing. */
    public static Progress onTerminal(PrintStream err) {
        return new Progress(err, System.console() != null, Time.SYSTEM);
    }

    /** A progress line that prints nothing: for output that no person watches. */
    public static Progress none() {
        return new Progress(null, false, Time.SYSTEM);
    }

    /**
     * A progress line shown on {@code err} whatever it is connected to, its updates timed by
     * {@code time}: for a caller that has decided for itself, such as a test of a tool's progress.
     */
    public static Progress shownOn(PrintStream err, Time time) {
        return new Progress(err, true, time);
    }

    /**
     * Whether an {@link #update} now would be shown: a caller that reports very often (per record)
     * asks this first, so that it builds the text only when it will be printed.
     */
    public boolean due() {
        return active && (lastShownMs == Long.MIN_VALUE || time.hiResClockMs() - lastShownMs >= MIN_INTERVAL_MS);
    }

    /** Whether updates are shown. */
    public boolean active() {
        return active;
    }

    /** Replaces the line with {@code text}, unless the last update was shown less than a moment ago. */
    public void update(String text) {
        if (!active) {
            return;
        }
        long now = time.hiResClockMs();
        if (lastShownMs != Long.MIN_VALUE && now - lastShownMs < MIN_INTERVAL_MS) {
            return;
        }
        lastShownMs = now;
        StringBuilder line = new StringBuilder("\r").append(text);
        if (text.length() < shownLength) {
            line.append(" ".repeat(shownLength - text.length()));
        }
        shownLength = text.length();
        err.print(line);
        err.flush();
    }

    /**
     * Erases the line, if one is shown, before the caller prints on the same terminal; the next
     * update draws it again below what was printed.
     */
    public void hide() {
        if (active && shownLength > 0) {
            err.print("\r" + " ".repeat(shownLength) + "\r");
            err.flush();
            shownLength = 0;
        }
    }

    /** Erases the line. */
    @Override
    public void close() {
        hide();
    }

    /** {@code 12.3 MB}: bytes in the largest unit that leaves at least 1, one decimal above bytes. */
    public static String bytes(long n) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
