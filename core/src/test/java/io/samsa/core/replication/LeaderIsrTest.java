package io.samsa.core.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.log.LogConfig;
import io.samsa.core.log.LogManager;
import io.samsa.core.log.LogManagerConfig;
import io.samsa.core.log.MockScheduler;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import io.samsa.testkit.TempDirs;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A leader's side of replication on a mock clock, with followers played by the test through
 * follower fetches and the controller by a recording {@link AlterPartitionManager}: the high
 * watermark waits for the (maximal) ISR, ISR changes are pending until the controller answers,
 * lagging followers leave and caught-up ones come back, and divergent followers are told where
 * to truncate.
 */
class LeaderIsrTest {

    private static final int LEADER = 1;
    private static final int F2 = 2;
    private static final int F3 = 3;
    private static final long LAG_MS = 10_000;

    /** One AlterPartition the leader sent, for the test to answer. */
    private record Proposal(LeaderAndIsr proposed, CompletableFuture<LeaderAndIsr> answer) {
    }

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final TopicPartition tp = new TopicPartition("t", 0);
    private final List<Proposal> proposals = new ArrayList<>();
    private final Set<Integer> alive = new java.util.HashSet<>(Set.of(LEADER, F2, F3));
    private LogManager logs;
    private ReplicaManager replicas;
    private int minIsr = 1;
    private final BrokerMetrics metrics = new BrokerMetrics();

    @BeforeEach
    void setUp() throws Exception {
        logs = new LogManager(LogManagerConfig.defaults(List.of(TempDirs.create("leader-isr-").toFile())), LogConfig.defaults(),
                topic -> null, time, scheduler);
        logs.startup();
        ReplicationConfig config = new ReplicationConfig(LAG_MS, 1, 1 << 20, 10 << 20, 1, 500, 1000, 30_000);
        AlterPartitionManager controller = (p, id, proposed, controllerEpoch) -> {
            CompletableFuture<LeaderAndIsr> answer = new CompletableFuture<>();
            proposals.add(new Proposal(proposed, answer));
            return answer;
        };
        replicas = new ReplicaManager(LEADER, logs, topic -> LogConfig.defaults().withOverrides(
                Map.of("min.insync.replicas", Integer.toString(minIsr))), time, scheduler, config, controller, alive::contains, metrics);
        replicas.startup();
    }

    @AfterEach
    void tearDown() throws Exception {
        replicas.shutdown();
        logs.shutdown();
    }

    private Partition lead(int epoch, int partitionEpoch, List<Integer> isr) {
        replicas.becomeLeaderOrFollower(1, List.of(new PartitionState(tp, Uuid.ONE, 1, LEADER, epoch, isr, partitionEpoch,
                List.of(LEADER, F2, F3), false)), Map.of());
        return replicas.partition(tp).orElseThrow();
    }

    private void append(int records) {
        for (int i = 0; i < records; i++) {
            MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L);
            b.append(1L, null, new byte[10]);
            AtomicReference<Map<TopicPartition, AppendResult>> answer = new AtomicReference<>();
            replicas.appendRecords(Map.of(tp, b.build().buffer()), (short) 1, 1000, answer::set);
            assertEquals(Errors.NONE, answer.get().get(tp).error());
        }
    }

    private ReadResult followerFetch(int replica, long offset, int lastFetchedEpoch, int currentEpoch) {
        AtomicReference<List<ReadResult>> answer = new AtomicReference<>();
        replicas.fetchMessages(new FetchParams(replica, -1L, 0, 1, 1 << 20),
                List.of(new PartitionFetch(tp, offset, 1 << 20, currentEpoch, lastFetchedEpoch, 0L)), answer::set);
        return answer.get().get(0);
    }

    private long highWatermark() {
        return replicas.partition(tp).orElseThrow().log().highWatermark();
    }

    @Test
    void theHighWatermarkIsTheLowestLogEndOfTheIsr() {
        lead(0, 0, List.of(LEADER, F2, F3));
        append(10);
        assertEquals(0, highWatermark(), "a new leader knows nothing of its followers' logs");
        followerFetch(F2, 10, 0, 0);
        assertEquals(0, highWatermark(), "F3 has not fetched yet");
        followerFetch(F3, 6, 0, 0);
        assertEquals(6, highWatermark());
        ReadResult r = followerFetch(F3, 10, 0, 0);
        assertEquals(10, highWatermark());
        assertEquals(10, r.highWatermark(), "the answer carries the high watermark this very fetch moved");
    }

    @Test
    void acksAllWaitsForTheIsrAndIsAnsweredWhenTheLastMemberFetches() {
        lead(0, 0, List.of(LEADER, F2));
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L);
        b.append(1L, null, new byte[10]);
        AtomicReference<Map<TopicPartition, AppendResult>> answer = new AtomicReference<>();
        replicas.appendRecords(Map.of(tp, b.build().buffer()), (short) -1, 30_000, answer::set);
        assertNull(answer.get());
        followerFetch(F2, 1, 0, 0);
        assertNotNull(answer.get(), "F2's fetch past the record commits it");
        assertEquals(Errors.NONE, answer.get().get(tp).error());
    }

    @Test
    void aLaggingFollowerLeavesTheIsrOnlyOnceTheControllerAgrees() {
        Partition p = lead(0, 0, List.of(LEADER, F2, F3));
        append(5);
        followerFetch(F2, 5, 0, 0);
        followerFetch(F3, 5, 0, 0);
        append(5);
        time.advance(LAG_MS / 2);
        followerFetch(F2, 10, 0, 0);
        time.advance(LAG_MS / 2 + 1);
        scheduler.tick();
        assertEquals(1, proposals.size(), "F3 has not caught up for longer than replica.lag.time.max.ms");
        assertEquals(new LeaderAndIsr(LEADER, 0, List.of(LEADER, F2), 0), proposals.get(0).proposed());
        assertTrue(p.isrChangeInFlight());
        assertEquals(5, highWatermark(), "while the shrink is pending, F3 still counts");
        scheduler.tick();
        assertEquals(1, proposals.size(), "one change in flight at a time");
        assertEquals(0, isrChanges("IsrShrinksPerSec"), "a proposal is not yet a shrink");

        proposals.get(0).answer().complete(new LeaderAndIsr(LEADER, 0, List.of(LEADER, F2), 1));
        assertEquals(List.of(LEADER, F2), p.isr());
        assertEquals(1, isrChanges("IsrShrinksPerSec"));
        assertEquals(0, isrChanges("IsrExpandsPerSec"));
        assertEquals(1, p.partitionEpoch());
        assertEquals(10, highWatermark(), "committed without F3 once the controller wrote the smaller ISR");
    }

    @Test
    void aCaughtUpFollowerIsProposedAndCountsAtOnce() {
        Partition p = lead(0, 3, List.of(LEADER, F2));
        append(4);
        followerFetch(F2, 4, 0, 0);
        assertEquals(4, highWatermark());
        append(4);
        followerFetch(F3, 4, 0, 0);
        assertEquals(1, proposals.size(), "F3 reached the high watermark within this epoch");
        assertEquals(new LeaderAndIsr(LEADER, 0, List.of(LEADER, F2, F3), 3), proposals.get(0).proposed());
        assertEquals(List.of(LEADER, F2), p.isr());
        assertEquals(List.of(LEADER, F2, F3), p.maximalIsr());
        followerFetch(F2, 8, 0, 0);
        assertEquals(4, highWatermark(), "the pending member is waited for");
        followerFetch(F3, 8, 0, 0);
        assertEquals(8, highWatermark());
        proposals.get(0).answer().complete(new LeaderAndIsr(LEADER, 0, List.of(LEADER, F2, F3), 4));
        assertEquals(List.of(LEADER, F2, F3), p.isr());
        assertEquals(1, isrChanges("IsrExpandsPerSec"));
    }

    private long isrChanges(String meter) {
        return metrics.registry().meter("kafka.server:type=ReplicaManager,name=" + meter).getCount();
    }

    @Test
    void aRefusedExpansionReturnsToTheCommittedIsrAndAStaleOneWaitsForTheController() {
        Partition p = lead(0, 0, List.of(LEADER, F2));
        append(2);
        followerFetch(F2, 2, 0, 0);
        followerFetch(F3, 2, 0, 0);
        proposals.get(0).answer().completeExceptionally(new AlterPartitionException(Errors.INELIGIBLE_REPLICA, "shutting down"));
        assertFalse(p.isrChangeInFlight());
        assertEquals(List.of(LEADER, F2), p.maximalIsr());

        followerFetch(F3, 2, 0, 0);
        assertEquals(2, proposals.size(), "proposed again on its next fetch");
        proposals.get(1).answer().completeExceptionally(new AlterPartitionException(Errors.INVALID_UPDATE_VERSION, "stale"));
        assertTrue(p.isrChangeInFlight(), "our partition epoch is stale: wait for the controller's LeaderAndIsr");
        followerFetch(F3, 2, 0, 0);
        assertEquals(2, proposals.size());

        lead(0, 5, List.of(LEADER, F2));
        assertFalse(p.isrChangeInFlight(), "LeaderAndIsr brings the committed state");
    }

    @Test
    void underMinInsyncReplicasNothingMoreIsCommittedAndAcksAllIsRefused() throws Exception {
        tearDown();
        minIsr = 2;
        setUp();
        lead(0, 0, List.of(LEADER));
        append(3);
        assertEquals(0, highWatermark(), "Kafka 3.9 commits nothing while the ISR is below min.insync.replicas");
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L);
        b.append(1L, null, new byte[10]);
        AtomicReference<Map<TopicPartition, AppendResult>> answer = new AtomicReference<>();
        replicas.appendRecords(Map.of(tp, b.build().buffer()), (short) -1, 1000, answer::set);
        assertEquals(Errors.NOT_ENOUGH_REPLICAS, answer.get().get(tp).error());
    }

    @Test
    void aFollowerWhoseLastEpochEndsEarlierIsToldWhereToTruncate() {
        lead(0, 0, List.of(LEADER, F2, F3));
        append(5);
        lead(2, 1, List.of(LEADER, F2, F3));
        append(3);
        // The follower holds records of epoch 1 (never this leader's) up to offset 7.
        ReadResult r = followerFetch(F2, 7, 1, 2);
        assertEquals(Errors.NONE, r.error());
        assertEquals(new EpochEndOffset(Errors.NONE, 0, 5), r.divergingEpoch());
        assertEquals(0, r.sizeInBytes());

        ReadResult agreed = followerFetch(F2, 5, 0, 2);
        assertNull(agreed.divergingEpoch());
        assertTrue(agreed.sizeInBytes() > 0);
    }

    @Test
    void fetchesFromOutsideTheReplicaSetOrAtAnotherEpochAreRefused() {
        lead(3, 0, List.of(LEADER, F2, F3));
        assertEquals(Errors.UNKNOWN_LEADER_EPOCH, followerFetch(7, 0, -1, 3).error());
        assertEquals(Errors.NOT_LEADER_OR_FOLLOWER, followerFetch(7, 0, -1, -1).error());
        assertEquals(Errors.FENCED_LEADER_EPOCH, followerFetch(F2, 0, -1, 2).error());
        assertEquals(Errors.UNKNOWN_LEADER_EPOCH, followerFetch(F2, 0, -1, 4).error());
        assertEquals(Errors.OFFSET_OUT_OF_RANGE, followerFetch(F2, 1, -1, 3).error(), "past the log end");
    }

    @Test
    void aBrokerTheControllerDoesNotListAsAliveCannotJoinTheIsr() {
        lead(0, 0, List.of(LEADER, F2));
        alive.remove(F3);
        append(3);
        followerFetch(F3, 3, 0, 0);
        assertTrue(proposals.isEmpty());
        followerFetch(F3, 1, 0, 0);
        followerFetch(F2, 3, 0, 0);
        assertEquals(3, highWatermark(), "nor is it waited for");
    }

    @Test
    void aBufferWithAHalfBatchAtItsEndAppendsTheWholeBatchesOnly() {
        ByteBuffer two = ByteBuffer.allocate(1024);
        for (int i = 0; i < 2; i++) {
            MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, i);
            b.append(1L, null, new byte[10]);
            two.put(b.build().buffer());
        }
        two.flip();
        int firstSize = two.getInt(8) + 12;
        two.limit(two.limit() - 5);
        replicas.becomeLeaderOrFollower(1, List.of(new PartitionState(tp, Uuid.ONE, 1, F2, 0, List.of(F2, LEADER), 0,
                List.of(F2, LEADER), false)), Map.of());
        Partition follower = replicas.partition(tp).orElseThrow();
        assertEquals(Errors.NONE, follower.appendAsFollower(two, 1, 0).error());
        assertEquals(1, follower.log().logEndOffset());
        assertEquals(firstSize, follower.log().size());
    }
}
