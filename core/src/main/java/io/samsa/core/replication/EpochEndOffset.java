package io.samsa.core.replication;

import io.samsa.common.Errors;

/** OffsetForLeaderEpoch's answer for one partition: an epoch and where it ended, or an error. Immutable. */
public record EpochEndOffset(Errors error, int leaderEpoch, long endOffset) {

    static EpochEndOffset error(Errors error) {
        return new EpochEndOffset(error, -1, -1L);
    }
}
