package io.samsa.core.server.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.network.BrokerConnection;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.message.OffsetForLeaderEpochRequest;
import io.samsa.protocol.message.OffsetForLeaderEpochResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OffsetForLeaderEpoch against the leader-epoch cache: the current epoch ends at the log end, an
 * epoch the log never had is undefined, a stale or future current_leader_epoch is fenced, and an
 * unknown partition is named as such.
 */
@Tag("integration")
@Timeout(60)
class OffsetForLeaderEpochTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of());

    private static final TopicPartition TP = new TopicPartition("epochs", 0);
    private static int leaderEpoch;

    @BeforeAll
    static void fill() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(TP.topic(), 1, (short) 1))).all().get();
        }
        cluster.waitForTopic(TP.topic(), 1);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(TP.topic(), ("v" + i).getBytes())).get();
            }
        }
        leaderEpoch = cluster.broker(0).replicaManager().partition(new io.samsa.common.TopicPartition(TP.topic(), 0))
                .orElseThrow().leaderEpoch();
    }

    private static OffsetForLeaderEpochResponse.EpochEndOffset ask(String topic, int currentLeaderEpoch, int epoch, short version)
            throws IOException {
        OffsetForLeaderEpochRequest req = new OffsetForLeaderEpochRequest().setReplicaId(-1);
        OffsetForLeaderEpochRequest.OffsetForLeaderTopic t = new OffsetForLeaderEpochRequest.OffsetForLeaderTopic().setTopic(topic);
        t.partitions().add(new OffsetForLeaderEpochRequest.OffsetForLeaderPartition().setPartition(0)
                .setCurrentLeaderEpoch(currentLeaderEpoch).setLeaderEpoch(epoch));
        req.topics().add(t);
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(0), "epoch-test", 10_000)) {
            OffsetForLeaderEpochResponse r = c.send(req, version);
            return r.topics().get(0).partitions().get(0);
        }
    }

    @Test
    void theCurrentEpochEndsAtTheLogEnd() throws Exception {
        for (short v = 0; v <= 4; v++) {
            OffsetForLeaderEpochResponse.EpochEndOffset e = ask(TP.topic(), v >= 2 ? leaderEpoch : -1, leaderEpoch, v);
            assertEquals(Errors.NONE.code(), e.errorCode(), "v" + v);
            assertEquals(5L, e.endOffset(), "v" + v);
            assertEquals(v >= 1 ? leaderEpoch : -1, e.leaderEpoch(), "v" + v);
        }
    }

    @Test
    void anEpochAboveEveryKnownOneIsUndefined() throws Exception {
        OffsetForLeaderEpochResponse.EpochEndOffset e = ask(TP.topic(), -1, leaderEpoch + 5, (short) 4);
        assertEquals(Errors.NONE.code(), e.errorCode());
        assertEquals(-1, e.leaderEpoch());
        assertEquals(-1L, e.endOffset());
    }

    @Test
    void aStaleOrFutureCurrentLeaderEpochIsFenced() throws Exception {
        assertEquals(Errors.UNKNOWN_LEADER_EPOCH.code(), ask(TP.topic(), leaderEpoch + 1, leaderEpoch, (short) 4).errorCode());
        if (leaderEpoch > 0) {
            assertEquals(Errors.FENCED_LEADER_EPOCH.code(), ask(TP.topic(), leaderEpoch - 1, leaderEpoch, (short) 4).errorCode());
        }
    }

    @Test
    void anUnknownPartitionIsNamedAsSuch() throws Exception {
        assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION.code(), ask("no-such-topic", -1, 0, (short) 4).errorCode());
    }
}
