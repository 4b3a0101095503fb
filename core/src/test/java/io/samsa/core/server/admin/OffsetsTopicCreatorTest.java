package io.samsa.core.server.admin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.coordinator.group.OffsetsTopic;
import io.samsa.core.server.metadata.BrokerNode;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.core.server.metadata.PartitionInfo;
import io.samsa.zk.EndPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating {@code __consumer_offsets} on first use, and the one warning when the cluster cannot host it. */
class OffsetsTopicCreatorTest {

    /** Records the topics it is asked to create. */
    private static final class RecordingAdmin implements AdminManager {
        final List<NewTopic> created = new ArrayList<>();

        @Override
        public CreateResult createTopic(NewTopic topic, boolean validateOnly) {
            created.add(topic);
            return new CreateResult(ApiError.NONE, Uuid.randomUuid(), topic.numPartitions(), topic.replicationFactor(), List.of());
        }

        @Override
        public ApiError deleteTopic(String topic) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ApiError createPartitions(String topic, int totalCount, List<List<Integer>> assignments, boolean validateOnly) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void autoCreate(Collection<String> topics) {
            throw new UnsupportedOperationException();
        }
    }

    private final RecordingAdmin admin = new RecordingAdmin();
    private final MetadataCache metadata = new MetadataCache();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(OffsetsTopicCreator.class);

    @BeforeEach
    void captureLogs() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logged);
    }

    private void liveBrokers(int n) {
        List<BrokerNode> brokers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            brokers.add(new BrokerNode(i, List.of(EndPoint.plaintext("127.0.0.1", 9092 + i)), null));
        }
        metadata.update(0, 1, brokers, Map.of(), Map.of());
    }

    private long warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
    }

    @Test
    void createsACompactedTopicWithTheConfiguredLayout() {
        liveBrokers(1);
        OffsetsTopicCreator creator = new OffsetsTopicCreator(admin, metadata, 7, (short) 1, 1234);
        assertFalse(creator.ensureExists(), "not usable until its leaders are known");
        AdminManager.NewTopic t = admin.created.get(0);
        assertEquals(OffsetsTopic.NAME, t.name());
        assertEquals(7, t.numPartitions());
        assertEquals(1, t.replicationFactor());
        assertEquals("compact", t.configs().get("cleanup.policy"));
        assertEquals("1234", t.configs().get("segment.bytes"));

        metadata.update(0, 1, metadata.liveBrokers(), Map.of(OffsetsTopic.NAME, Uuid.randomUuid()),
                Map.of(new TopicPartition(OffsetsTopic.NAME, 0), new PartitionInfo(0, 0, 0, List.of(0), List.of(0), List.of(), 0)));
        assertTrue(creator.ensureExists());
        assertEquals(1, admin.created.size());
    }

    @Test
    void tooFewBrokersForTheReplicationFactorWarnsOnceNamingTheSetting() {
        liveBrokers(1);
        OffsetsTopicCreator creator = new OffsetsTopicCreator(admin, metadata, 50, (short) 3, 1234);
        for (int i = 0; i < 5; i++) {
            assertFalse(creator.ensureExists());
        }
        assertTrue(admin.created.isEmpty());
        assertEquals(1, warnings());
        assertTrue(logged.list.get(0).getFormattedMessage().contains("offsets.topic.replication.factor"));
    }

    @Test
    void enoughLiveBrokersCreateTheTopicWithTheConfiguredReplicationFactor() {
        liveBrokers(3);
        OffsetsTopicCreator creator = new OffsetsTopicCreator(admin, metadata, 50, (short) 3, 1234);
        assertFalse(creator.ensureExists(), "the coordinator is not available until the topic reaches the metadata");
        assertEquals(1, admin.created.size());
        assertEquals(3, admin.created.get(0).replicationFactor());
        assertEquals(0, warnings());
    }
}
