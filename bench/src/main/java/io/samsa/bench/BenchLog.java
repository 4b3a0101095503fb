package io.samsa.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

/**
 * The harness's progress lines, on standard error so that standard output holds only the report
 * (the table and the BENCH lines). Thread-safe.
 */
public final class BenchLog {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Set<String> SAID = new HashSet<>();

    private BenchLog() {
    }

    public static synchronized void info(String message) {
        System.err.println("[bench " + LocalTime.now().format(CLOCK) + "] " + message);
    }

    /** Says {@code message} the first time only. */
    public static synchronized void once(String message) {
        if (SAID.add(message)) {
            info(message);
        }
    }
}
