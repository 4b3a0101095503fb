package io.samsa.core.server.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.common.Uuid;
import io.samsa.core.network.BrokerConnection;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.message.FetchRequest;
import io.samsa.protocol.message.FetchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fetch sessions (KIP-227) on the wire: a full fetch at epoch 0 opens a session; incremental
 * fetches name only what changed and are answered only with partitions that have news; a wrong
 * epoch, an unknown session and a forgotten partition are handled as Kafka does; epoch -1 closes.
 */
@Tag("integration")
@Timeout(60)
class FetchSessionTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of());

    private static final String TOPIC = "sessions";
    private static Uuid topicId;

    @BeforeAll
    static void createTopic() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        cluster.waitForTopic(TOPIC, 3);
        topicId = cluster.broker(0).metadataCache().snapshot().topics().get(TOPIC).topicId();
    }

    private static void produce(int partition, int count) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(TOPIC, partition, "k", "v" + i)).get();
            }
        }
    }

    private static FetchRequest request(int sessionId, int epoch, Map<Integer, Long> offsets, List<Integer> forgotten) {
        FetchRequest r = new FetchRequest().setMaxWaitMs(0).setMinBytes(1).setMaxBytes(1 << 20)
                .setSessionId(sessionId).setSessionEpoch(epoch);
        if (!offsets.isEmpty()) {
            FetchRequest.FetchTopic t = new FetchRequest.FetchTopic().setTopicId(topicId);
            new java.util.TreeMap<>(offsets).forEach((partition, offset) -> t.partitions().add(new FetchRequest.FetchPartition().setPartition(partition)
                    .setFetchOffset(offset).setPartitionMaxBytes(1 << 20)));
            r.topics().add(t);
        }
        if (!forgotten.isEmpty()) {
            r.forgottenTopicsData().add(new FetchRequest.ForgottenTopic().setTopicId(topicId).setPartitions(new ArrayList<>(forgotten)));
        }
        return r;
    }

    private static List<Integer> partitionsIn(FetchResponse r) {
        List<Integer> result = new ArrayList<>();
        r.responses().forEach(t -> t.partitions().forEach(p -> result.add(p.partitionIndex())));
        return result;
    }

    @Test
    void anIncrementalSessionAnswersOnlyWhatChanged() throws Exception {
        produce(0, 2);
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(0), "session-test", 10_000)) {
            FetchResponse full = c.<FetchResponse>send(request(0, 0, Map.of(0, 0L, 1, 0L, 2, 0L), List.of()), (short) 13);
            assertEquals(Errors.NONE.code(), full.errorCode());
            int session = full.sessionId();
            assertNotEquals(0, session, "epoch 0 opens a session");
            assertEquals(List.of(0, 1, 2), partitionsIn(full), "a full answer has every partition");

            // Partition 0 moved on to offset 2; nothing else changed, so nothing else is sent.
            FetchResponse quiet = c.<FetchResponse>send(request(session, 1, Map.of(0, 2L), List.of()), (short) 13);
            assertEquals(Errors.NONE.code(), quiet.errorCode());
            assertEquals(session, quiet.sessionId());
            assertEquals(List.of(), partitionsIn(quiet));

            produce(2, 1);
            FetchResponse news = c.<FetchResponse>send(request(session, 2, Map.of(), List.of()), (short) 13);
            assertEquals(List.of(2), partitionsIn(news), "only the partition with a new record and high watermark");
            assertTrue(news.responses().get(0).partitions().get(0).records().sizeInBytes() > 0);

            assertEquals(Errors.INVALID_FETCH_SESSION_EPOCH.code(), c.<FetchResponse>send(request(session, 2, Map.of(), List.of()), (short) 13)
                    .errorCode(), "epoch 2 was used");
            assertEquals(Errors.FETCH_SESSION_ID_NOT_FOUND.code(), c.<FetchResponse>send(request(session + 1, 1, Map.of(), List.of()), (short) 13)
                    .errorCode());

            // Forgetting partitions 0 and 2 leaves 1 in the session; a record there is news.
            assertEquals(List.of(), partitionsIn(c.<FetchResponse>send(request(session, 3, Map.of(), List.of(0, 2)), (short) 13)));
            produce(1, 1);
            produce(0, 1);
            assertEquals(List.of(1), partitionsIn(c.<FetchResponse>send(request(session, 4, Map.of(), List.of()), (short) 13)));

            FetchResponse closing = c.<FetchResponse>send(request(session, -1, Map.of(), List.of()), (short) 13);
            assertEquals(0, closing.sessionId(), "epoch -1 closes the session");
            assertEquals(Errors.FETCH_SESSION_ID_NOT_FOUND.code(), c.<FetchResponse>send(request(session, 5, Map.of(), List.of()), (short) 13)
                    .errorCode());
        }
    }

    @Test
    void oldVersionsAndEpochMinusOneFetchWithoutASession() throws Exception {
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(0), "sessionless-test", 10_000)) {
            FetchResponse sessionless = c.<FetchResponse>send(request(0, -1, Map.of(0, 0L, 1, 0L), List.of()), (short) 13);
            assertEquals(0, sessionless.sessionId());
            assertEquals(List.of(0, 1), partitionsIn(sessionless));
        }
    }
}
