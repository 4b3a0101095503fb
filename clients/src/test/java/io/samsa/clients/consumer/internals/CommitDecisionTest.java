package io.samsa.clients.consumer.internals;

import io.samsa.common.Errors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommitDecisionTest {

    @Test
    void kafkasCommitRules() {
        assertEquals(CommitDecision.DONE, CommitDecision.of(Errors.NONE));
        assertEquals(CommitDecision.RETRY_NEW_COORDINATOR, CommitDecision.of(Errors.NOT_COORDINATOR));
        assertEquals(CommitDecision.RETRY_NEW_COORDINATOR, CommitDecision.of(Errors.COORDINATOR_NOT_AVAILABLE));
        assertEquals(CommitDecision.RETRY_NEW_COORDINATOR, CommitDecision.of(Errors.REQUEST_TIMED_OUT));
        assertEquals(CommitDecision.RETRY, CommitDecision.of(Errors.COORDINATOR_LOAD_IN_PROGRESS));
        assertEquals(CommitDecision.RETRY, CommitDecision.of(Errors.UNKNOWN_TOPIC_OR_PARTITION));
        assertEquals(CommitDecision.FAIL_MEMBERSHIP, CommitDecision.of(Errors.UNKNOWN_MEMBER_ID));
        assertEquals(CommitDecision.FAIL_MEMBERSHIP, CommitDecision.of(Errors.ILLEGAL_GENERATION));
        assertEquals(CommitDecision.FAIL_REBALANCING, CommitDecision.of(Errors.REBALANCE_IN_PROGRESS));
        assertEquals(CommitDecision.FAIL, CommitDecision.of(Errors.OFFSET_METADATA_TOO_LARGE));
        assertEquals(CommitDecision.FAIL, CommitDecision.of(Errors.GROUP_AUTHORIZATION_FAILED));
        assertTrue(CommitDecision.RETRY.retriable());
        assertFalse(CommitDecision.FAIL_MEMBERSHIP.retriable());
    }
}
