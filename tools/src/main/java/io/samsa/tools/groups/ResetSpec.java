package io.samsa.tools.groups;

import io.samsa.tools.cli.UsageException;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code --reset-offsets} moves a group's offsets: one of Kafka's scenarios. Immutable.
 *
 * @param value the offset of {@link Kind#TO_OFFSET}, the shift of {@link Kind#SHIFT_BY}, the time
 *              (ms since the epoch) of {@link Kind#TO_DATETIME}, the duration in ms of
 *              {@link Kind#BY_DURATION}; 0 otherwise ({@link Kind#FROM_FILE}'s offsets are the file's)
 */
record ResetSpec(Kind kind, long value) {

    /** The scenarios, each with its option's name. */
    enum Kind {
        TO_EARLIEST("to-earliest"), TO_LATEST("to-latest"), TO_CURRENT("to-current"), TO_OFFSET("to-offset"),
        SHIFT_BY("shift-by"), TO_DATETIME("to-datetime"), BY_DURATION("by-duration"), FROM_FILE("from-file");

        private final String option;

        Kind(String option) {
            this.option = option;
        }

        String option() {
            return option;
        }
    }

    /** {@code 2024-05-01T12:00:00[.000][Z|+02:00|+0200|+02]}; seconds and the zone may be left out. */
    private static final Pattern DATETIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    /** Whether the new offsets are looked up by record time. */
    boolean byTime() {
        return kind == Kind.TO_DATETIME || kind == Kind.BY_DURATION;
    }

    /** The record time the new offsets are looked up by, given the time now. */
    long timestamp(long nowMs) {
        return kind == Kind.BY_DURATION ? nowMs - value : value;
    }

    /**
     * Reads {@code --to-datetime}'s value as Kafka's tool does: ISO 8601 local date and time, in
     * UTC unless a zone offset follows.
     */
    static long parseDatetime(String text) throws UsageException {
        Matcher m = DATETIME.matcher(text.trim());
        if (!m.matches()) {
            throw new UsageException("--to-datetime takes YYYY-MM-DDTHH:mm:SS.sss with an optional zone such as Z or "
                    + "+02:00 (UTC without one), not '" + text + "'");
        }
        try {
            ZoneOffset zone = m.group(2) == null ? ZoneOffset.UTC : ZoneOffset.of(m.group(2));
            return LocalDateTime.parse(m.group(1)).toInstant(zone).toEpochMilli();
        } catch (DateTimeException e) {
            throw new UsageException("--to-datetime '" + text + "' is not a valid date and time: " + e.getMessage());
        }
    }

    /** Reads {@code --by-duration}'s value: an ISO 8601 duration, {@code PnDTnHnMnS}, not negative. */
    static long parseDuration(String text) throws UsageException {
        Duration d;
        try {
            d = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("--by-duration takes an ISO 8601 duration such as PT1H30M or P1DT12H, not '" + text + "'");
        }
        if (d.isNegative()) {
            throw new UsageException("--by-duration goes back in time, so it cannot be negative: '" + text + "'");
        }
        return d.toMillis();
    }
}
