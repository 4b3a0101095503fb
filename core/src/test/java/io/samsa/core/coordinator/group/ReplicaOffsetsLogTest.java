package io.samsa.core.coordinator.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.log.LogConfig;
import io.samsa.core.log.LogManager;
import io.samsa.core.log.LogManagerConfig;
import io.samsa.core.log.MockScheduler;
import io.samsa.core.replication.AlterPartitionManager;
import io.samsa.core.replication.AppendResult;
import io.samsa.core.replication.PartitionState;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.replication.ReplicationConfig;
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import io.samsa.testkit.TempDirs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replaying {@code __consumer_offsets} after a leader change: the new leader's high watermark lags
 * its log (the old leader died before passing on that its last commits were replicated), yet every
 * record in its log is committed, so the coordinator loads to the log end, as Kafka does. An offset
 * commit acknowledged to a client survived the failover but was invisible to the new coordinator.
 */
class ReplicaOffsetsLogTest {

    private static final int LEADER = 1;
    private static final int FOLLOWER = 2;

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final TopicPartition tp = new TopicPartition(OffsetsTopic.NAME, 0);
    private LogManager logs;
    private ReplicaManager replicas;

    @BeforeEach
    void setUp() throws Exception {
        logs = new LogManager(LogManagerConfig.defaults(List.of(TempDirs.create("offsets-log-").toFile())), LogConfig.defaults(),
                topic -> null, time, scheduler);
        logs.startup();
        ReplicationConfig config = new ReplicationConfig(10_000, 1, 1 << 20, 10 << 20, 1, 500, 1000, 30_000);
        AlterPartitionManager controller = (p, id, proposed, controllerEpoch) -> new CompletableFuture<>();
        replicas = new ReplicaManager(LEADER, logs, topic -> LogConfig.defaults(), time, scheduler, config, controller,
                id -> true);
        replicas.startup();
        // Leader at epoch 1 with a follower that has not fetched since: the high watermark stays at 0.
        replicas.becomeLeaderOrFollower(1, List.of(new PartitionState(tp, Uuid.ONE, 1, LEADER, 1, List.of(LEADER, FOLLOWER), 1,
                List.of(LEADER, FOLLOWER), false)), Map.of());
    }

    @AfterEach
    void tearDown() throws Exception {
        replicas.shutdown();
        logs.shutdown();
    }

    private void appendAsLeader(String key) {
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L);
        b.append(1L, key.getBytes(StandardCharsets.UTF_8), "value".getBytes(StandardCharsets.UTF_8));
        AtomicReference<Map<TopicPartition, AppendResult>> answer = new AtomicReference<>();
        replicas.appendRecords(Map.of(tp, b.build().buffer()), (short) 1, 1000, answer::set);
        assertEquals(Errors.NONE, answer.get().get(tp).error());
    }

    @Test
    void replayReadsToTheLogEndPastALaggingHighWatermark() {
        appendAsLeader("k0");
        appendAsLeader("k1");
        assertEquals(0, replicas.partition(tp).orElseThrow().log().highWatermark(), "the high watermark lags");

        List<String> keys = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        boolean hosted = new ReplicaOffsetsLog(replicas, 1 << 20, 5000).replay(0, (offset, key, value) -> {
            offsets.add(offset);
            keys.add(StandardCharsets.UTF_8.decode(key).toString());
        });
        assertTrue(hosted);
        assertEquals(List.of("k0", "k1"), keys);
        assertEquals(List.of(0L, 1L), offsets);
    }

    @Test
    void aPartitionThisBrokerDoesNotHostIsNotReplayed() {
        assertFalse(new ReplicaOffsetsLog(replicas, 1 << 20, 5000).replay(7, (offset, key, value) -> { }));
    }
}
