package io.samsa.common;

import java.util.Locale;

/**
 * Which records a read may see: all of them, or only those of committed transactions (up to the
 * last stable offset). Immutable.
 */
public enum IsolationLevel {
    READ_UNCOMMITTED((byte) 0), READ_COMMITTED((byte) 1);

    private final byte id;

    IsolationLevel(byte id) {
        this.id = id;
    }

    /** The id on the wire (Fetch v4+, ListOffsets v2+). */
    public byte id() {
        return id;
    }

    public static IsolationLevel forId(byte id) {
        return switch (id) {
            case 0 -> READ_UNCOMMITTED;
            case 1 -> READ_COMMITTED;
            default -> throw new IllegalArgumentException("Unknown isolation level " + id);
        };
    }

    /** {@code read_uncommitted} or {@code read_committed}, as configurations spell it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
