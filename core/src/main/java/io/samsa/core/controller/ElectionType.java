package io.samsa.core.controller;

import java.util.Optional;

/** What an ElectLeaders request asks for (KIP-460), by its wire value. */
public enum ElectionType {
    /** Move leadership to the first assigned replica if it is alive and in sync. */
    PREFERRED((byte) 0),
    /** Give a leaderless partition a leader: an in-sync replica if one is alive, else any live replica. */
    UNCLEAN((byte) 1);

    private final byte value;

    ElectionType(byte value) {
        this.value = value;
    }

    public byte value() {
        return value;
    }

    public static Optional<ElectionType> forValue(byte value) {
        for (ElectionType t : values()) {
            if (t.value == value) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
