package io.samsa.core.server.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.common.Uuid;
import io.samsa.core.network.BrokerConnection;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.message.AlterPartitionRequest;
import io.samsa.protocol.message.AlterPartitionResponse;
import io.samsa.protocol.message.ControlledShutdownRequest;
import io.samsa.protocol.message.ControlledShutdownResponse;
import io.samsa.protocol.message.LeaderAndIsrRequest;
import io.samsa.protocol.message.LeaderAndIsrResponse;
import io.samsa.protocol.message.StopReplicaRequest;
import io.samsa.protocol.message.StopReplicaResponse;
import io.samsa.protocol.message.UpdateMetadataRequest;
import io.samsa.protocol.message.UpdateMetadataResponse;
import io.samsa.testkit.Wait;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The APIs brokers and the controller send each other, on the wire. Controller requests carrying
 * an older broker epoch than the broker's registration are refused (KIP-380). AlterPartition, every version: the
 * controller answers a leader's proposal with the partition's state, names topics by name (v0-v1)
 * or id (v2+), and refuses stale broker epochs, ineligible replicas and unknown topic ids.
 * ControlledShutdown refuses a stale broker epoch and an unregistered broker.
 */
@Tag("integration")
@Timeout(60)
class ControllerApisWireTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of());

    private static final String TOPIC = "isr-wire";
    private static Uuid topicId;

    @BeforeAll
    static void createTopic() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        cluster.waitForTopic(TOPIC, 1);
        Wait.until("the broker is controller", () -> cluster.broker(0).isController());
        topicId = cluster.broker(0).metadataCache().snapshot().topics().get(TOPIC).topicId();
    }

    private static AlterPartitionResponse send(long brokerEpoch, String topic, Uuid id, List<Integer> isr, short version)
            throws IOException {
        AlterPartitionRequest.PartitionData partition = new AlterPartitionRequest.PartitionData().setPartitionIndex(0)
                .setLeaderEpoch(0).setPartitionEpoch(0).setLeaderRecoveryState((byte) 0);
        if (version >= 3) {
            isr.forEach(b -> partition.newIsrWithEpochs().add(new AlterPartitionRequest.BrokerState().setBrokerId(b).setBrokerEpoch(-1)));
        } else {
            partition.setNewIsr(isr);
        }
        AlterPartitionRequest.TopicData t = new AlterPartitionRequest.TopicData().setTopicName(topic).setTopicId(id);
        t.partitions().add(partition);
        AlterPartitionRequest req = new AlterPartitionRequest().setBrokerId(0).setBrokerEpoch(brokerEpoch);
        req.topics().add(t);
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(0), "controller-apis-test", 10_000)) {
            return c.send(req, version);
        }
    }

    @Test
    void everyVersionIsAnsweredWithThePartitionsState() throws Exception {
        long epoch = cluster.broker(0).brokerEpoch();
        for (short v = 0; v <= 3; v++) {
            AlterPartitionResponse r = send(epoch, TOPIC, topicId, List.of(0), v);
            assertEquals(Errors.NONE.code(), r.errorCode(), "v" + v);
            AlterPartitionResponse.PartitionData p = r.topics().get(0).partitions().get(0);
            assertEquals(Errors.NONE.code(), p.errorCode(), "v" + v);
            assertEquals(0, p.leaderId(), "v" + v);
            assertEquals(List.of(0), p.isr(), "v" + v);
            assertEquals(0, p.partitionEpoch(), "v" + v);
            if (v >= 2) {
                assertEquals(topicId, r.topics().get(0).topicId(), "v" + v);
            } else {
                assertEquals(TOPIC, r.topics().get(0).topicName(), "v" + v);
            }
        }
    }

    @Test
    void staleEpochsIneligibleReplicasAndUnknownTopicsAreRefused() throws Exception {
        long epoch = cluster.broker(0).brokerEpoch();
        assertEquals(Errors.STALE_BROKER_EPOCH.code(), send(epoch - 1, TOPIC, topicId, List.of(0), (short) 2).errorCode());
        assertEquals(Errors.INELIGIBLE_REPLICA.code(),
                send(epoch, TOPIC, topicId, List.of(0, 7), (short) 3).topics().get(0).partitions().get(0).errorCode());
        assertEquals(Errors.UNKNOWN_TOPIC_ID.code(),
                send(epoch, "", Uuid.randomUuid(), List.of(0), (short) 2).topics().get(0).partitions().get(0).errorCode());
        assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION.code(),
                send(epoch, "no-such-topic", Uuid.ZERO, List.of(0), (short) 1).topics().get(0).partitions().get(0).errorCode());
    }

    @Test
    void controlledShutdownRefusesAStaleEpochAndAnUnknownBroker() throws Exception {
        long epoch = cluster.broker(0).brokerEpoch();
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(0), "controlled-shutdown-test", 10_000)) {
            ControlledShutdownResponse stale = c.send(new ControlledShutdownRequest().setBrokerId(0).setBrokerEpoch(epoch - 1), (short) 3);
            assertEquals(Errors.STALE_BROKER_EPOCH.code(), stale.errorCode());
            ControlledShutdownResponse unknown = c.send(new ControlledShutdownRequest().setBrokerId(9), (short) 1);
            assertEquals(Errors.BROKER_NOT_AVAILABLE.code(), unknown.errorCode());
        }
    }

    @Test
    void controllerRequestsForAnEarlierLifeOfTheBrokerAreRefused() throws Exception {
        long stale = cluster.broker(0).brokerEpoch() - 1;
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(0), "fence-test", 10_000)) {
            LeaderAndIsrResponse leaderAndIsr = c.send(new LeaderAndIsrRequest().setControllerId(0).setControllerEpoch(99)
                    .setBrokerEpoch(stale), (short) 7);
            assertEquals(Errors.STALE_BROKER_EPOCH.code(), leaderAndIsr.errorCode());
            UpdateMetadataResponse updateMetadata = c.send(new UpdateMetadataRequest().setControllerId(0).setControllerEpoch(99)
                    .setBrokerEpoch(stale), (short) 8);
            assertEquals(Errors.STALE_BROKER_EPOCH.code(), updateMetadata.errorCode());
            StopReplicaResponse stopReplica = c.send(new StopReplicaRequest().setControllerId(0).setControllerEpoch(99)
                    .setBrokerEpoch(stale), (short) 4);
            assertEquals(Errors.STALE_BROKER_EPOCH.code(), stopReplica.errorCode());
        }
        assertTrue(cluster.broker(0).metadataCache().snapshot().topic(TOPIC).isPresent(), "nothing was applied");
    }
}
