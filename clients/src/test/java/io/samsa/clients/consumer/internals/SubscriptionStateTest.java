package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.clients.consumer.OffsetResetStrategy;
import io.samsa.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionStateTest {

    private static final TopicPartition T0 = new TopicPartition("t", 0);
    private static final TopicPartition T1 = new TopicPartition("t", 1);

    @Test
    void subscriptionKindsCannotBeMixed() {
        SubscriptionState s = new SubscriptionState(OffsetResetStrategy.EARLIEST);
        s.subscribe(List.of("t"), null);
        assertThrows(IllegalStateException.class, () -> s.assignFromUser(List.of(T0)));
        assertThrows(IllegalStateException.class, () -> s.subscribe(Pattern.compile("t.*"), null));
        s.unsubscribe();
        s.assignFromUser(List.of(T0));
        assertThrows(IllegalStateException.class, () -> s.subscribe(List.of("t"), null));
    }

    @Test
    void newPartitionsNeedAPositionBeforeTheyAreFetched() {
        SubscriptionState s = new SubscriptionState(OffsetResetStrategy.EARLIEST);
        s.assignFromUser(List.of(T0, T1));
        assertEquals(List.of(), s.fetchablePartitions());
        assertEquals(Set.of(T0, T1), Set.copyOf(s.partitionsIn(SubscriptionState.FetchState.INITIALIZING)));
        s.seek(T0, 5);
        assertEquals(List.of(T0), s.fetchablePartitions());
        assertTrue(s.requestDefaultReset(T1));
        assertEquals(OffsetResetStrategy.EARLIEST, s.resetStrategy(T1));
        assertFalse(s.hasAllFetchPositions());
        s.seek(T1, 0);
        assertTrue(s.hasAllFetchPositions());
        assertEquals(Map.of(T0, new OffsetAndMetadata(5, Optional.empty(), ""), T1, new OffsetAndMetadata(0, Optional.empty(), "")),
                s.allConsumed());
    }

    @Test
    void noResetPolicyMeansNoDefaultReset() {
        SubscriptionState s = new SubscriptionState(OffsetResetStrategy.NONE);
        s.assignFromUser(List.of(T0));
        assertFalse(s.requestDefaultReset(T0));
    }

    @Test
    void pausedPartitionsAreNotFetchedButKeepTheirPosition() {
        SubscriptionState s = new SubscriptionState(OffsetResetStrategy.LATEST);
        s.assignFromUser(List.of(T0));
        s.seek(T0, 3);
        s.pause(T0);
        assertEquals(List.of(), s.fetchablePartitions());
        assertEquals(Set.of(T0), s.pausedPartitions());
        s.resume(T0);
        assertEquals(List.of(T0), s.fetchablePartitions());
        assertEquals(3, s.position(T0).offset());
    }

    @Test
    void reassignmentKeepsPositionsOfPartitionsThatStay() {
        SubscriptionState s = new SubscriptionState(OffsetResetStrategy.LATEST);
        s.subscribe(List.of("t"), null);
        s.assignFromSubscribed(List.of(T0, T1));
        s.seek(T0, 9);
        int version = s.assignmentVersion();
        s.assignFromSubscribed(List.of(T0));
        assertEquals(9, s.position(T0).offset());
        assertFalse(s.isAssigned(T1));
        assertTrue(s.assignmentVersion() > version);
    }

    @Test
    void validationOnlyForPositionsWithAnEpoch() {
        SubscriptionState s = new SubscriptionState(OffsetResetStrategy.LATEST);
        s.assignFromUser(List.of(T0, T1));
        s.seek(T0, new FetchPosition(10, Optional.of(2), Optional.of(2)));
        s.seek(T1, 10);
        s.requestValidation(T0);
        s.requestValidation(T1);
        assertEquals(SubscriptionState.FetchState.AWAIT_VALIDATION, s.fetchState(T0));
        assertEquals(SubscriptionState.FetchState.FETCHING, s.fetchState(T1));
        s.completeValidation(T0, Optional.of(3));
        assertEquals(Optional.of(3), s.position(T0).currentLeaderEpoch());
        assertTrue(s.hasValidPosition(T0));
    }

    @Test
    void lagFromTheLastFetch() {
        SubscriptionState s = new SubscriptionState(OffsetResetStrategy.LATEST);
        s.assignFromUser(List.of(T0));
        s.seek(T0, 4);
        assertEquals(Optional.empty(), s.lag(T0, false));
        s.updateWatermarks(T0, 10, 0, 8);
        assertEquals(Optional.of(6L), s.lag(T0, false));
        assertEquals(Optional.of(4L), s.lag(T0, true));
    }
}
