package io.samsa.common;

/**
 * Which replica a leader election picks: the preferred one (the first assigned replica, when it is
 * in sync) or, for an unclean election, any live replica when no in-sync replica is live.
 * Immutable.
 */
public enum ElectionType {
    PREFERRED((byte) 0), UNCLEAN((byte) 1);

    private final byte value;

    ElectionType(byte value) {
        this.value = value;
    }

    /** The id on the wire (ElectLeaders v1+). */
    public byte value() {
        return value;
    }

    /** The type with wire id {@code value}. */
    public static ElectionType valueOf(byte value) {
        for (ElectionType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown election type " + value);
    }
}
