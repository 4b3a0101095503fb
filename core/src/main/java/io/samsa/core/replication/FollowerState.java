package io.samsa.core.replication;

import io.samsa.core.log.LogOffsetMetadata;

/**
 * What a leader knows of one follower, from its fetches: its log start and end offsets, and when
 * it was last caught up — the latest time {@code t} such that a fetch from it reached the leader's
 * log end offset as of {@code t}. A follower whose fetch offsets always trail a busy leader by a
 * few records still counts as caught up at the time of its previous fetch when it reaches the log
 * end that fetch saw, so steady small appends do not push it out of the ISR. Immutable.
 */
record FollowerState(long logStartOffset, LogOffsetMetadata logEnd, long lastFetchLeaderLogEndOffset,
                     long lastFetchTimeMs, long lastCaughtUpTimeMs, long brokerEpoch) {

    static final FollowerState UNKNOWN = new FollowerState(-1L, LogOffsetMetadata.offsetOnly(-1L), -1L, 0L, 0L, -1L);

    long logEndOffset() {
        return logEnd.messageOffset();
    }

    /** In sync: at the leader's log end, or caught up within the last {@code maxLagMs}. */
    boolean isCaughtUp(long leaderEndOffset, long nowMs, long maxLagMs) {
        return leaderEndOffset == logEndOffset() || nowMs - lastCaughtUpTimeMs <= maxLagMs;
    }

    /**
     * After a fetch from offset {@code fetchOffset} received at {@code fetchTimeMs}, when the
     * leader's log ended at {@code leaderEndOffset}.
     */
    FollowerState afterFetch(LogOffsetMetadata fetchOffset, long followerStartOffset, long fetchTimeMs,
                             long leaderEndOffset, long followerBrokerEpoch) {
        long caughtUp = lastCaughtUpTimeMs;
        if (fetchOffset.messageOffset() >= leaderEndOffset) {
            caughtUp = Math.max(caughtUp, fetchTimeMs);
        } else if (fetchOffset.messageOffset() >= lastFetchLeaderLogEndOffset) {
            caughtUp = Math.max(caughtUp, lastFetchTimeMs);
        }
        return new FollowerState(followerStartOffset, fetchOffset, Math.max(leaderEndOffset, lastFetchLeaderLogEndOffset),
                fetchTimeMs, caughtUp, followerBrokerEpoch);
    }

    /**
     * When this broker becomes leader, or starts a new leader epoch: a follower in the ISR gets
     * {@code maxLagMs} from now to show it is caught up; one outside it must earn its place. A new
     * leader knows nothing of its followers' logs yet.
     */
    FollowerState reset(long nowMs, long leaderEndOffset, boolean newLeader, boolean inSync) {
        long caughtUp = inSync ? nowMs : 0L;
        if (newLeader) {
            return new FollowerState(-1L, LogOffsetMetadata.offsetOnly(-1L), -1L, 0L, caughtUp, -1L);
        }
        // A re-elected leader keeps what it knew; the last fetch time is only trusted for ISR members.
        return new FollowerState(logStartOffset, logEnd, leaderEndOffset, inSync ? nowMs : 0L, caughtUp, brokerEpoch);
    }
}
