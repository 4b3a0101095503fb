package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;

/** The answer to one SyncGroup: the member's assignment, or an error. Immutable. */
public record SyncGroupResult(String protocolType, String protocolName, byte[] assignment, Errors error) {

    private static final byte[] EMPTY = new byte[0];

    public static SyncGroupResult error(Errors error) {
        return new SyncGroupResult(null, null, EMPTY, error);
    }
}
