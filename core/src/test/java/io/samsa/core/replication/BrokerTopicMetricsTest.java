package io.samsa.core.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kafka's BrokerTopicMetrics and ReplicaManager metrics as a replica manager records them, on a mock clock. */
class BrokerTopicMetricsTest {

    private static final int BROKER = 1;
    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final TopicPartition tp = new TopicPartition("t", 0);
    private final BrokerMetrics metrics = new BrokerMetrics();
    private LogManager logs;
    private ReplicaManager replicas;

    @BeforeEach
    void setUp() throws Exception {
        logs = new LogManager(LogManagerConfig.defaults(List.of(TempDirs.create("topic-metrics-").toFile())), LogConfig.defaults(),
                topic -> null, time, scheduler);
        logs.startup();
        replicas = new ReplicaManager(BROKER, logs, topic -> LogConfig.defaults(), time, scheduler, ReplicationConfig.defaults(),
                (p, id, proposed, epoch) -> null, id -> true, metrics);
        replicas.becomeLeaderOrFollower(1, List.of(new PartitionState(tp, Uuid.ZERO, 1, BROKER, 0, List.of(BROKER), 0,
                List.of(BROKER, 2), false)), Map.of());
    }

    @AfterEach
    void tearDown() throws Exception {
        logs.shutdown();
    }

    private static ByteBuffer batch(int records) {
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L);
        for (int i = 0; i < records; i++) {
            b.append(1L, null, new byte[10]);
        }
        return b.build().buffer();
    }

    @Test
    void produceCountsRecordsAndBytesPerTopicAndForAllTopics() {
        ByteBuffer three = batch(3);
        int bytes = three.remaining();
        replicas.appendRecords(Map.of(tp, three), (short) 1, 1000, r -> { });
        replicas.appendRecords(Map.of(tp, batch(2)), (short) 1, 1000, r -> { });
        // Not led here: an ordinary error, counted as a request but not as a failure.
        replicas.appendRecords(Map.of(new TopicPartition("other", 0), batch(1)), (short) 1, 1000, r -> { });

        BrokerTopicMetrics m = replicas.topicMetrics();
        assertEquals(5, m.topic("t").messagesIn());
        assertEquals(5, m.allTopics().messagesIn());
        assertEquals(2, m.topic("t").totalProduceRequests());
        assertEquals(3, m.allTopics().totalProduceRequests());
        assertEquals(0, m.allTopics().failedProduceRequests());
        assertEquals(0, m.topic("other").messagesIn());
        long expectedBytes = bytes + batch(2).remaining();
        assertEquals(expectedBytes, m.topic("t").bytesIn());
        assertEquals(expectedBytes, metrics.registry().meter("kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=t").getCount());
    }

    @Test
    void fetchCountsEachPartitionReadOnce() {
        replicas.appendRecords(Map.of(tp, batch(1)), (short) 1, 1000, r -> { });
        replicas.fetchMessages(new FetchParams(0, 1, 1 << 20), List.of(new PartitionFetch(tp, 0, 1 << 20, -1)), r -> { });
        replicas.fetchMessages(new FetchParams(0, 1, 1 << 20), List.of(new PartitionFetch(new TopicPartition("gone", 0), 0, 1 << 20, -1)),
                r -> { });
        BrokerTopicMetrics m = replicas.topicMetrics();
        assertEquals(1, m.topic("t").totalFetchRequests());
        assertEquals(2, m.allTopics().totalFetchRequests());
        assertEquals(0, m.allTopics().failedFetchRequests());
    }

    @Test
    void aDeletedTopicsMetersGoWithItsLastPartition() {
        replicas.appendRecords(Map.of(tp, batch(1)), (short) 1, 1000, r -> { });
        String name = "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=t";
        assertNotNull(metrics.registry().getMeters().get(name));
        replicas.stopReplicas(1, List.of(tp), true);
        assertNull(metrics.registry().getMeters().get(name));
        assertNotNull(metrics.registry().getMeters().get("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec"));
    }

    @Test
    void replicaManagerGaugesCountTheHostedPartitions() {
        Map<String, com.codahale.metrics.Gauge> g = metrics.registry().getGauges();
        assertEquals(1, g.get("kafka.server:type=ReplicaManager,name=PartitionCount").getValue());
        assertEquals(1, g.get("kafka.server:type=ReplicaManager,name=LeaderCount").getValue());
        assertEquals(1, g.get("kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions").getValue(), "ISR [1] of replicas [1, 2]");
        assertEquals(0, g.get("kafka.server:type=ReplicaManager,name=UnderMinIsrPartitionCount").getValue());
        assertEquals(0, g.get("kafka.server:type=ReplicaManager,name=OfflineReplicaCount").getValue());
        assertEquals(0, metrics.registry().meter("kafka.server:type=ReplicaManager,name=IsrShrinksPerSec").getCount());
    }

    @Test
    void logGaugesFollowThePartitionsLogUntilItIsDeleted() {
        replicas.appendRecords(Map.of(tp, batch(3)), (short) 1, 1000, r -> { });
        Map<String, com.codahale.metrics.Gauge> g = metrics.registry().getGauges();
        assertEquals(3L, g.get("kafka.log:type=Log,name=LogEndOffset,topic=t,partition=0").getValue());
        assertEquals(0L, g.get("kafka.log:type=Log,name=LogStartOffset,topic=t,partition=0").getValue());
        assertEquals(1, g.get("kafka.log:type=Log,name=NumLogSegments,topic=t,partition=0").getValue());
        assertEquals(replicas.partition(tp).orElseThrow().log().size(), g.get("kafka.log:type=Log,name=Size,topic=t,partition=0").getValue());
        replicas.stopReplicas(1, List.of(tp), true);
        assertNull(metrics.registry().getGauges().get("kafka.log:type=Log,name=LogEndOffset,topic=t,partition=0"));
    }

    @Test
    void purgatoryGaugesCountWaitingFetches() {
        Map<String, com.codahale.metrics.Gauge> g = metrics.registry().getGauges();
        String size = "kafka.server:type=DelayedOperationPurgatory,name=PurgatorySize,delayedOperation=Fetch";
        String delayed = "kafka.server:type=DelayedOperationPurgatory,name=NumDelayedOperations,delayedOperation=Fetch";
        assertEquals(0, g.get(size).getValue());
        replicas.fetchMessages(new FetchParams(500, 1, 1 << 20), List.of(new PartitionFetch(tp, 0, 1 << 20, -1)), r -> { });
        assertEquals(1, g.get(size).getValue());
        assertEquals(1, g.get(delayed).getValue());
        assertNotNull(g.get("kafka.server:type=DelayedOperationPurgatory,name=PurgatorySize,delayedOperation=Produce"));
    }
}
