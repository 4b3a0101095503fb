package io.samsa.clients.admin;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.ElectionNotNeededException;
import io.samsa.common.errors.ApiException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.common.errors.UnknownMemberIdException;
import io.samsa.common.errors.UnsupportedVersionException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How results assemble per-key answers into Kafka's result shapes. */
class ResultsTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    private static Throwable failure(CompletableFuture<?> f) {
        assertTrue(f.isDone());
        return assertThrows(ExecutionException.class, f::get).getCause();
    }

    @Test
    void electLeadersAllFailsWithTheFirstPartitionError() {
        ElectionNotNeededException notNeeded = new ElectionNotNeededException("leader already preferred");
        ElectLeadersResult result = new ElectLeadersResult(CompletableFuture.completedFuture(
                Map.of(P0, Optional.of(notNeeded))));
        assertSame(notNeeded, failure(result.all()));
        assertTrue(new ElectLeadersResult(CompletableFuture.completedFuture(Map.of(P0, Optional.empty()))).all().isDone());
    }

    @Test
    void alterOffsetsReportsEachPartitionAndAllFailsOnAnyError() {
        AlterConsumerGroupOffsetsResult result = new AlterConsumerGroupOffsetsResult(CompletableFuture.completedFuture(
                Map.of(P0, Errors.NONE, P1, Errors.UNKNOWN_MEMBER_ID)));
        assertEquals(null, result.partitionResult(P0).join());
        assertInstanceOf(UnknownMemberIdException.class, failure(result.partitionResult(P1)));
        assertInstanceOf(IllegalArgumentException.class, failure(result.partitionResult(new TopicPartition("t", 9))));
        Throwable all = failure(result.all());
        assertInstanceOf(UnknownMemberIdException.class, all);
        assertTrue(all.getMessage().contains("[t-1]"), all.getMessage());
    }

    @Test
    void deleteOffsetsChecksOnlyTheRequestedPartitions() {
        DeleteConsumerGroupOffsetsResult result = new DeleteConsumerGroupOffsetsResult(CompletableFuture.completedFuture(
                Map.of(P0, Errors.NONE, P1, Errors.GROUP_SUBSCRIBED_TO_TOPIC)), Set.of(P0, P1));
        // Kafka has GroupSubscribedToTopicException; the errors hierarchy maps the code to ApiException.
        assertInstanceOf(ApiException.class, failure(result.all()));
        assertEquals(null, result.partitionResult(P0).join());
        assertThrows(IllegalArgumentException.class, () -> result.partitionResult(new TopicPartition("u", 0)));
    }

    @Test
    void listGroupsAllFailsWhenABrokerCouldNotListButValidHasTheRest() {
        ConsumerGroupListing g = new ConsumerGroupListing("g", false);
        TimeoutException brokerDown = new TimeoutException("broker 2");
        ListConsumerGroupsResult result = new ListConsumerGroupsResult(CompletableFuture.completedFuture(List.of(g)),
                CompletableFuture.completedFuture(List.of(brokerDown)));
        assertSame(brokerDown, failure(result.all()));
        assertEquals(List.of(g), List.copyOf(result.valid().join()));
        assertEquals(List.of(brokerDown), List.copyOf(result.errors().join()));
    }

    @Test
    void createTopicsWithoutMetadataFailsOnlyTheMetadataFutures() {
        CreateTopicsResult result = new CreateTopicsResult(Map.of("t", CompletableFuture.completedFuture(
                new CreateTopicsResult.TopicMetadataAndConfig(new UnsupportedVersionException("old broker")))));
        assertTrue(result.all().isDone());
        assertEquals(null, result.values().get("t").join());
        assertInstanceOf(UnsupportedVersionException.class, failure(result.numPartitions("t")));
        assertThrows(IllegalArgumentException.class, () -> result.config("u"));
    }

    @Test
    void describeTopicsAllHasEveryTopicOrTheFirstFailure() {
        TopicDescription d = new TopicDescription("a", false, List.of());
        DescribeTopicsResult ok = new DescribeTopicsResult(Map.of("a", CompletableFuture.completedFuture(d)));
        assertEquals(Map.of("a", d), ok.allTopicNames().join());
        DescribeTopicsResult bad = new DescribeTopicsResult(Map.of("a", CompletableFuture.completedFuture(d),
                "b", CompletableFuture.failedFuture(new TimeoutException("b"))));
        assertInstanceOf(TimeoutException.class, failure(bad.allTopicNames()));
    }
}
