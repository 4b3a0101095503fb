package io.samsa.core.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import io.samsa.testkit.TempDirs;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replica manager's waiting requests on a mock clock: fetches that wait for the high watermark,
 * produces with acks=all that wait for their records to be committed, and what wakes or ends them.
 */
class ReplicaManagerPurgatoryTest {

    private static final int BROKER = 1;
    private static final int FOLLOWER = 2;
    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final TopicPartition tp = new TopicPartition("t", 0);
    private LogManager logs;
    private ReplicaManager replicas;

    @BeforeEach
    void setUp() throws Exception {
        logs = new LogManager(LogManagerConfig.defaults(List.of(TempDirs.create("purgatory-").toFile())), LogConfig.defaults(),
                topic -> null, time, scheduler);
        logs.startup();
        replicas = new ReplicaManager(BROKER, logs, topic -> LogConfig.defaults(), time, scheduler);
    }

    @AfterEach
    void tearDown() throws Exception {
        logs.shutdown();
    }

    private void lead(int epoch, List<Integer> isr) {
        replicas.becomeLeaderOrFollower(1, List.of(new PartitionState(tp, Uuid.ZERO, 1, BROKER, epoch, isr, epoch,
                List.of(BROKER, FOLLOWER), false)), Map.of());
    }

    private void follow(int epoch) {
        replicas.becomeLeaderOrFollower(1, List.of(new PartitionState(tp, Uuid.ZERO, 1, FOLLOWER, epoch, List.of(FOLLOWER), epoch,
                List.of(BROKER, FOLLOWER), false)), Map.of());
    }

    private static ByteBuffer batch(int valueSize) {
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L);
        b.append(1L, null, new byte[valueSize]);
        return b.build().buffer();
    }

    private AtomicReference<List<ReadResult>> fetch(long offset, int minBytes, int maxWaitMs) {
        AtomicReference<List<ReadResult>> answer = new AtomicReference<>();
        replicas.fetchMessages(new FetchParams(maxWaitMs, minBytes, 1 << 20), List.of(new PartitionFetch(tp, offset, 1 << 20, -1)),
                answer::set);
        return answer;
    }

    private AtomicReference<Map<TopicPartition, AppendResult>> produce(short acks, int timeoutMs) {
        AtomicReference<Map<TopicPartition, AppendResult>> answer = new AtomicReference<>();
        replicas.appendRecords(Map.of(tp, batch(10)), acks, timeoutMs, answer::set);
        return answer;
    }

    private void advance(long ms) {
        time.advance(ms);
        scheduler.tick();
    }

    @Test
    void aFetchAtTheHighWatermarkWaitsUntilAnAppendCommitsRecords() {
        lead(1, List.of(BROKER));
        AtomicReference<List<ReadResult>> answer = fetch(0, 1, 500);
        assertNull(answer.get());
        assertEquals(1, replicas.waitingFetches(tp));
        produce((short) 1, 1000);
        assertEquals(Errors.NONE, answer.get().get(0).error());
        assertEquals(1L, answer.get().get(0).highWatermark());
        assertTrue(answer.get().get(0).sizeInBytes() > 0);
        assertEquals(0, replicas.waitingFetches(tp));
    }

    @Test
    void aFetchWithoutDataIsAnsweredAtItsMaxWait() {
        lead(1, List.of(BROKER));
        AtomicReference<List<ReadResult>> answer = fetch(0, 1, 500);
        advance(499);
        assertNull(answer.get());
        advance(1);
        assertEquals(0, answer.get().get(0).sizeInBytes());
    }

    @Test
    void aFetchWaitsUntilMinBytesHaveArrived() {
        lead(1, List.of(BROKER));
        AtomicReference<List<ReadResult>> answer = fetch(0, 500, 10_000);
        produce((short) 1, 1000);
        assertNull(answer.get(), "one small batch is less than 500 bytes");
        for (int i = 0; i < 10 && answer.get() == null; i++) {
            produce((short) 1, 1000);
        }
        assertTrue(answer.get().get(0).sizeInBytes() >= 500);
    }

    @Test
    void aFetchIsAnsweredWhenTheBrokerStopsLeading() {
        lead(1, List.of(BROKER));
        AtomicReference<List<ReadResult>> answer = fetch(0, 1, 60_000);
        follow(2);
        assertEquals(Errors.NOT_LEADER_OR_FOLLOWER, answer.get().get(0).error());
    }

    @Test
    void acksAllIsAnsweredOnceCommitted() {
        lead(1, List.of(BROKER));
        AtomicReference<Map<TopicPartition, AppendResult>> answer = produce((short) -1, 1000);
        assertEquals(Errors.NONE, answer.get().get(tp).error(), "a leader alone in its ISR commits at once");
    }

    @Test
    void acksAllThatIsNotReplicatedInTimeTimesOut() {
        // The follower is in the ISR but never fetches, so the high watermark stays put.
        lead(1, List.of(BROKER, FOLLOWER));
        AtomicReference<Map<TopicPartition, AppendResult>> answer = produce((short) -1, 1000);
        advance(999);
        assertNull(answer.get());
        advance(1);
        assertEquals(Errors.REQUEST_TIMED_OUT, answer.get().get(tp).error());
        assertEquals(0L, answer.get().get(tp).baseOffset(), "the append itself happened");
    }

    @Test
    void acksAllWaitingOnADeposedLeaderAnswersNotLeader() {
        lead(1, List.of(BROKER, FOLLOWER));
        AtomicReference<Map<TopicPartition, AppendResult>> answer = produce((short) -1, 60_000);
        follow(2);
        assertEquals(Errors.NOT_LEADER_OR_FOLLOWER, answer.get().get(tp).error());
    }

    @Test
    void acksOneIsAnsweredAtOnceWhateverTheIsr() {
        lead(1, List.of(BROKER, FOLLOWER));
        assertEquals(Errors.NONE, produce((short) 1, 1000).get().get(tp).error());
    }
}
