package io.samsa.clients.consumer.internals;

import io.samsa.common.Errors;

/**
 * What a commit does about an error its OffsetCommit answer carries, Kafka's rules as one pure
 * decision so they can be tested alone. Stateless.
 */
public enum CommitDecision {
    /** Committed. */
    DONE,
    /** Try again (commitSync does, until its timeout; commitAsync reports a retriable failure). */
    RETRY,
    /** The coordinator moved or is down: look it up again, then retry. */
    RETRY_NEW_COORDINATOR,
    /** The member is no longer in the generation: the commit cannot succeed ({@code CommitFailedException}). */
    FAIL_MEMBERSHIP,
    /** The group is rebalancing: join first ({@code RebalanceInProgressException}). */
    FAIL_REBALANCING,
    /** Anything else: the error's own exception. */
    FAIL;

    public static CommitDecision of(Errors error) {
        return switch (error) {
            case NONE -> DONE;
            case COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR, REQUEST_TIMED_OUT -> RETRY_NEW_COORDINATOR;
            case COORDINATOR_LOAD_IN_PROGRESS, UNKNOWN_TOPIC_OR_PARTITION, UNSTABLE_OFFSET_COMMIT -> RETRY;
            case UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION -> FAIL_MEMBERSHIP;
            case REBALANCE_IN_PROGRESS -> FAIL_REBALANCING;
            default -> error.retriable() ? RETRY : FAIL;
        };
    }

    public boolean retriable() {
        return this == RETRY || this == RETRY_NEW_COORDINATOR;
    }
}
