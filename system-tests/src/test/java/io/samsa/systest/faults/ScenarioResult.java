package io.samsa.systest.faults;

import java.util.Locale;

/**
 * One scenario's line in the results: counts from the {@link DeliveryVerdict}, the longest stall of
 * acknowledgements, and the longest time the partition took to get every replica back in sync after
 * a recovery step (-1 when unknown). Immutable.
 */
record ScenarioResult(String scenario, String broker, int acknowledged, int consumed, int lost, int duplicated,
        long longestWriteGapMs, double secondsToFullIsr, String notes) {

    static final String HEADER = String.format(Locale.ROOT, "%-34s %-6s %7s %8s %5s %5s %14s %13s  %s",
            "scenario", "broker", "acked", "consumed", "lost", "dup", "max gap (ms)", "s to full ISR", "notes");

    String row() {
        return String.format(Locale.ROOT, "%-34s %-6s %7d %8d %5d %5d %14d %13s  %s", scenario, broker, acknowledged, consumed,
                lost, duplicated, longestWriteGapMs, secondsToFullIsr < 0 ? "-" : String.format(Locale.ROOT, "%.1f", secondsToFullIsr),
                notes);
    }

    /** The one-line summary each scenario prints. */
    String summary() {
        return String.format(Locale.ROOT, "FAULT RESULT scenario=%s broker=%s acknowledged=%d consumed=%d lost=%d duplicated=%d "
                + "longest_write_gap_ms=%d seconds_to_full_isr=%s notes=\"%s\"", scenario, broker, acknowledged, consumed, lost,
                duplicated, longestWriteGapMs, secondsToFullIsr < 0 ? "-" : String.format(Locale.ROOT, "%.1f", secondsToFullIsr), notes);
    }
}
