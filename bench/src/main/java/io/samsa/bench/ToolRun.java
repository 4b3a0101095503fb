package io.samsa.bench;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one perf tool run left behind: its exit code, the tail of its standard output (where the
 * summaries are), the head of its standard error (where the first error is), whether the
 * harness had to kill it for running past its deadline or for flooding its error output, and what
 * it cost: wall time, the JVM's CPU seconds over its whole life (NaN when unknown), and its CPU
 * ticks per thread group as last sampled before it exited (see {@link ThreadCpu}). Immutable.
 */
public record ToolRun(int exitCode, String stdout, String stderr, boolean timedOut, boolean flooded,
                      double wallSeconds, double cpuSeconds, Map<String, Long> threadTicks) {

    public ToolRun {
        threadTicks = Map.copyOf(threadTicks);
    }

    /** A run whose CPU was not measured. */
    public ToolRun(int exitCode, String stdout, String stderr, boolean timedOut, boolean flooded, double wallSeconds) {
        this(exitCode, stdout, stderr, timedOut, flooded, wallSeconds, Double.NaN, Map.of());
    }

    private static final Pattern ERROR_LINE = Pattern.compile(
            ".*(Exception|Error:|ERROR|FATAL|WARNING: Exiting).*");
    private static final int MAX_REASON = 300;

    public boolean exitedNormally() {
        return !timedOut && !flooded && exitCode == 0;
    }

    /** Why the run did not finish normally, or {@code null} if it did. */
    public String abnormalEnd(double deadlineSeconds) {
        if (timedOut) {
            return "killed after " + (long) deadlineSeconds + " s without finishing; " + explain();
        }
        if (flooded) {
            return "killed for flooding stderr; " + explain();
        }
        if (exitCode != 0) {
            return "exit code " + exitCode + "; " + explain();
        }
        return null;
    }

    /**
     * What the output says went wrong: {@code first error: } and the first line that looks like an
     * error, from stderr, else from stdout; else {@code last output: } and the last non-blank line,
     * from stderr, else from stdout; else {@code no output}. Clipped to a readable length.
     */
    public String explain() {
        String line = firstMatching(stderr);
        if (line == null) {
            line = firstMatching(stdout);
        }
        if (line != null) {
            return "first error: " + clip(line);
        }
        line = lastNonBlank(stderr);
        if (line == null) {
            line = lastNonBlank(stdout);
        }
        return line == null ? "no output" : "last output: " + clip(line);
    }

    private static String clip(String line) {
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }

    private static String firstMatching(String text) {
        for (String l : text.split("\\R")) {
            if (ERROR_LINE.matcher(l).matches()) {
                return l.trim();
            }
        }
        return null;
    }

    private static String lastNonBlank(String text) {
        String[] lines = text.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].trim();
            }
        }
        return null;
    }
}
