package io.samsa.tools.consoleconsumer;

import io.samsa.tools.cli.UsageException;

import java.util.Locale;

/**
 * Where {@code --offset} starts reading a partition: {@code earliest}, {@code latest} (Kafka's
 * words), {@code N} (that offset), {@code -N} (N records before the end, or the beginning when the
 * partition holds fewer) and {@code @MS} (the first record whose timestamp is at or after MS
 * milliseconds since the epoch, or the end when there is none). {@link #resolve} turns a spec into
 * an offset from the partition's bounds; the consumer asks for the bounds, this class only does
 * the arithmetic. Immutable.
 */
sealed interface StartOffset {

    /** The partition's first offset. */
    record Earliest() implements StartOffset {
    }

    /** The partition's end: only records produced from now on. */
    record Latest() implements StartOffset {
    }

    /** Exactly this offset (the consumer's reset policy applies if it is out of range). */
    record Absolute(long offset) implements StartOffset {
    }

    /** {@code count} records before the end. */
    record FromEnd(long count) implements StartOffset {
    }

    /** The first record at or after this timestamp. */
    record AtTime(long timestampMs) implements StartOffset {
    }

    /**
     * Parses {@code --offset}'s value.
     *
     * @throws UsageException for anything else, saying what is accepted
     */
    static StartOffset parse(String text) throws UsageException {
        String s = text.trim();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "earliest":
                return new Earliest();
            case "latest":
                return new Latest();
            default:
                break;
        }
        try {
            if (s.startsWith("@")) {
                long ms = Long.parseLong(s.substring(1));
                if (ms < 0) {
                    throw new NumberFormatException();
                }
                return new AtTime(ms);
            }
            long n = Long.parseLong(s);
            return n < 0 ? new FromEnd(-n) : new Absolute(n);
        } catch (NumberFormatException e) {
            throw new UsageException("--offset must be earliest, latest, N (an offset), -N (N before the end) or "
                    + "@MS (the first record at or after a timestamp in ms), not '" + text + "'");
        }
    }

    /**
     * The offset to seek to in a partition whose records run from {@code beginning} up to (not
     * including) {@code end}.
     *
     * @param offsetForTime for {@link AtTime}, the offset the broker found for the timestamp, or
     *                      null when no record is that recent; ignored otherwise
     */
    default long resolve(long beginning, long end, Long offsetForTime) {
        if (this instanceof Earliest) {
            return beginning;
        }
        if (this instanceof Latest) {
            return end;
        }
        if (this instanceof Absolute a) {
            return a.offset();
        }
        if (this instanceof FromEnd f) {
            return Math.max(beginning, end - f.count());
        }
        return offsetForTime == null ? end : Math.max(beginning, offsetForTime);
    }
}
