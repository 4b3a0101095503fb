package io.samsa.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each znode codec against JSON exactly as Kafka writes it (Kafka's key order differs: readers must not care). */
class ZNodeCodecTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void brokerRegistrationWrittenByKafka() {
        BrokerInfo b = BrokerIdsZNode.decode(0, utf8("{\"features\":{},\"listener_security_protocol_map\":{\"PLAINTEXT\":\"PLAINTEXT\"},"
                + "\"endpoints\":[\"PLAINTEXT://localhost:9092\"],\"jmx_port\":-1,\"port\":9092,\"host\":\"localhost\","
                + "\"version\":5,\"timestamp\":\"1700000000000\"}"), 77L);
        assertEquals(0, b.id());
        assertEquals(List.of(EndPoint.plaintext("localhost", 9092)), b.endpoints());
        assertNull(b.rack());
        assertEquals(-1, b.jmxPort());
        assertEquals(1700000000000L, b.timestamp());
        assertEquals(77L, b.epoch());
    }

    @Test
    void brokerRegistrationWithListenersRackAndFeatures() {
        BrokerInfo b = BrokerIdsZNode.decode(3, utf8("{\"listener_security_protocol_map\":{\"CLIENT\":\"SASL_SSL\",\"REPLICATION\":\"PLAINTEXT\"},"
                + "\"endpoints\":[\"CLIENT://host1:9092\",\"REPLICATION://[::1]:9093\"],\"rack\":\"dc1\",\"jmx_port\":9999,"
                + "\"features\":{\"metadata.version\":{\"min_version\":1,\"max_version\":3}},\"host\":\"::1\",\"timestamp\":\"2233345666\","
                + "\"port\":9093,\"version\":5}"), 1L);
        assertEquals(List.of(new EndPoint("CLIENT", "host1", 9092, "SASL_SSL"), new EndPoint("REPLICATION", "::1", 9093, "PLAINTEXT")),
                b.endpoints());
        assertEquals("dc1", b.rack());
        assertEquals(9999, b.jmxPort());
        assertEquals(Map.of("metadata.version", new BrokerInfo.FeatureRange(1, 3)), b.features());
        assertEquals("REPLICATION://[::1]:9093", b.endpoints().get(1).connectionString());
    }

    @Test
    void oldBrokerRegistrationVersions() {
        BrokerInfo v1 = BrokerIdsZNode.decode(1, utf8("{\"version\":1,\"host\":\"localhost\",\"port\":9092,\"jmx_port\":9999,\"timestamp\":\"2233345666\"}"), 1L);
        assertEquals(List.of(EndPoint.plaintext("localhost", 9092)), v1.endpoints());
        BrokerInfo v2 = BrokerIdsZNode.decode(1, utf8("{\"version\":2,\"host\":\"localhost\",\"port\":9092,\"jmx_port\":9999,"
                + "\"timestamp\":\"2233345666\",\"endpoints\":[\"PLAINTEXT://host1:9092\", \"SSL://host1:9093\"]}"), 1L);
        assertEquals(List.of(EndPoint.plaintext("host1", 9092), new EndPoint("SSL", "host1", 9093, "SSL")), v2.endpoints());
        assertThrows(ZkException.class, () -> BrokerIdsZNode.decode(1, utf8("{\"version\":0}"), 1L));
        assertThrows(ZkException.class, () -> BrokerIdsZNode.decode(1, utf8("not json"), 1L));
    }

    @Test
    void brokerRegistrationWeWrite() {
        BrokerInfo b = BrokerInfo.forRegistration(1, List.of(EndPoint.plaintext("h", 9092)), null, 1700000000000L);
        assertEquals("{\"version\":5,\"host\":\"h\",\"port\":9092,\"jmx_port\":-1,\"timestamp\":\"1700000000000\","
                + "\"endpoints\":[\"PLAINTEXT://h:9092\"],\"listener_security_protocol_map\":{\"PLAINTEXT\":\"PLAINTEXT\"},"
                + "\"features\":{}}", text(BrokerIdsZNode.encode(b)));
        BrokerInfo racked = BrokerInfo.forRegistration(2, List.of(new EndPoint("SECURE", "h", 9093, "SSL")), "r1", 5L);
        assertEquals("{\"version\":5,\"host\":null,\"port\":-1,\"jmx_port\":-1,\"timestamp\":\"5\",\"endpoints\":[\"SECURE://h:9093\"],"
                + "\"listener_security_protocol_map\":{\"SECURE\":\"SSL\"},\"features\":{},\"rack\":\"r1\"}", text(BrokerIdsZNode.encode(racked)));
        assertEquals(racked.withEpoch(9L), BrokerIdsZNode.decode(2, BrokerIdsZNode.encode(racked), 9L));
    }

    @Test
    void topicAssignment() {
        Uuid id = new Uuid(0x2DBD4A6E2A9B4291L, 0xB8113D2CB3A74A99L);
        String kafka = "{\"removing_replicas\":{},\"partitions\":{\"1\":[2,1],\"0\":[1,2]},\"topic_id\":\"" + id
                + "\",\"adding_replicas\":{\"1\":[3]},\"version\":3}";
        TopicAssignment a = TopicZNode.decode("foo", utf8(kafka));
        assertEquals(id, a.topicId());
        assertEquals(Map.of(0, List.of(1, 2), 1, List.of(2, 1)), a.partitions());
        assertEquals(Map.of(1, List.of(3)), a.addingReplicas());
        assertEquals("{\"version\":3,\"topic_id\":\"" + id + "\",\"partitions\":{\"0\":[1,2],\"1\":[2,1]},"
                + "\"adding_replicas\":{\"1\":[3]},\"removing_replicas\":{}}", text(TopicZNode.encode(a)));

        TopicAssignment old = TopicZNode.decode("bar", utf8("{\"version\":1,\"partitions\":{\"0\":[0,1]}}"));
        assertEquals(Uuid.ZERO, old.topicId());
        assertEquals(Map.of(0, List.of(0, 1)), old.partitions());
        assertEquals("{\"version\":3,\"partitions\":{\"0\":[0,1]},\"adding_replicas\":{},\"removing_replicas\":{}}",
                text(TopicZNode.encode(old)));
        assertEquals("/brokers/topics/bar", TopicZNode.path("bar"));
    }

    @Test
    void partitionState() {
        TopicPartition tp = new TopicPartition("t", 3);
        PartitionState s = TopicPartitionStateZNode.decode(tp, utf8("{\"controller_epoch\":1,\"leader\":0,\"version\":1,\"leader_epoch\":4,\"isr\":[0,2]}"), 7);
        assertEquals(new PartitionState(0, 4, List.of(0, 2), 1, 0, 7), s);
        assertEquals("{\"controller_epoch\":1,\"leader\":0,\"version\":1,\"leader_epoch\":4,\"isr\":[0,2]}", text(TopicPartitionStateZNode.encode(s)));
        PartitionState recovering = TopicPartitionStateZNode.decode(tp,
                utf8("{\"version\":1,\"leader\":-1,\"leader_epoch\":2,\"controller_epoch\":3,\"isr\":[1],\"leader_recovery_state\":1}"), 0);
        assertEquals(1, recovering.leaderRecoveryState());
        assertEquals(-1, recovering.leader());
        assertEquals("{\"controller_epoch\":3,\"leader\":-1,\"version\":1,\"leader_epoch\":2,\"isr\":[1],\"leader_recovery_state\":1}",
                text(TopicPartitionStateZNode.encode(recovering)));
        assertEquals("/brokers/topics/t/partitions/3/state", TopicPartitionStateZNode.path(tp));
    }

    @Test
    void controllerAndEpoch() {
        assertEquals("{\"version\":1,\"brokerid\":4,\"timestamp\":\"1700000000000\"}", text(ControllerZNode.encode(4, 1700000000000L)));
        assertEquals(4, ControllerZNode.decode(ControllerZNode.encode(4, 1L)));
        assertEquals(0, ControllerZNode.decode(utf8("{\"version\":2,\"brokerid\":0,\"timestamp\":\"1700000000000\",\"kraftControllerEpoch\":-1}")));
        assertEquals("12", text(ControllerEpochZNode.encode(12)));
        assertEquals(12, ControllerEpochZNode.decode(utf8("12")));
        assertThrows(ZkException.class, () -> ControllerEpochZNode.decode(utf8("x")));
    }

    @Test
    void clusterId() {
        assertEquals("{\"version\":\"1\",\"id\":\"w3zTfXYdRNaNFhW7FnRLbg\"}", text(ClusterIdZNode.encode("w3zTfXYdRNaNFhW7FnRLbg")));
        assertEquals("w3zTfXYdRNaNFhW7FnRLbg", ClusterIdZNode.decode(utf8("{\"id\":\"w3zTfXYdRNaNFhW7FnRLbg\",\"version\":\"1\"}")));
    }

    @Test
    void configsAndChangeNotifications() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("retention.ms", "1000");
        config.put("cleanup.policy", "compact");
        assertEquals("{\"version\":1,\"config\":{\"retention.ms\":\"1000\",\"cleanup.policy\":\"compact\"}}", text(ConfigEntityZNode.encode(config)));
        assertEquals(config, ConfigEntityZNode.decode(utf8("{\"config\":{\"retention.ms\":\"1000\",\"cleanup.policy\":\"compact\"},\"version\":1}")));
        assertEquals(Map.of(), ConfigEntityZNode.decode(new byte[0]));
        assertEquals("/config/topics/foo", TopicConfigZNode.path("foo"));
        assertEquals("{\"version\":2,\"entity_path\":\"topics/foo\"}", text(ConfigChangeNotificationZNode.encode("topics/foo")));
        assertEquals("topics/foo", ConfigChangeNotificationZNode.decode(utf8("{\"entity_path\":\"topics/foo\",\"version\":2}")));
        assertEquals("topics/bar", ConfigChangeNotificationZNode.decode(utf8("{\"version\":1,\"entity_type\":\"topics\",\"entity_name\":\"bar\"}")));
        assertEquals("/config/changes/config_change_", ConfigChangeNotificationZNode.createPath());
    }

    @Test
    void isrChangeNotification() {
        LinkedHashSet<TopicPartition> set = new LinkedHashSet<>(List.of(new TopicPartition("t", 0), new TopicPartition("u", 2)));
        assertEquals("{\"version\":1,\"partitions\":[{\"topic\":\"t\",\"partition\":0},{\"topic\":\"u\",\"partition\":2}]}",
                text(IsrChangeNotificationZNode.encode(set)));
        assertEquals(set, IsrChangeNotificationZNode.decode(utf8("{\"version\":1,\"partitions\":[{\"topic\":\"t\",\"partition\":0},{\"partition\":2,\"topic\":\"u\"}]}")));
    }

    @Test
    void producerIdBlock() {
        ProducerIdBlock block = new ProducerIdBlock(0, 1000, 1000);
        assertEquals("{\"version\":1,\"broker\":0,\"block_start\":\"1000\",\"block_end\":\"1999\"}", text(ProducerIdBlockZNode.encode(block)));
        assertEquals(new ProducerIdBlock(2, 0, 1000), ProducerIdBlockZNode.decode(utf8("{\"version\":1,\"broker\":2,\"block_start\":\"0\",\"block_end\":\"999\"}")));
    }

    @Test
    void reassignPartitions() {
        Map<TopicPartition, List<Integer>> r = Map.of(new TopicPartition("foo", 1), List.of(1, 2, 3));
        assertEquals("{\"version\":1,\"partitions\":[{\"topic\":\"foo\",\"partition\":1,\"replicas\":[1,2,3]}]}", text(ReassignPartitionsZNode.encode(r)));
        assertEquals(r, ReassignPartitionsZNode.decode(utf8("{\"version\":1,\"partitions\":[{\"topic\":\"foo\",\"partition\":1,\"replicas\":[1,2,3]}]}")));
    }

    @Test
    void endpointParsing() {
        assertEquals(new EndPoint("PLAINTEXT", null, 9092, "PLAINTEXT"), EndPoint.parse("PLAINTEXT://:9092", EndPoint.DEFAULT_SECURITY_PROTOCOL_MAP));
        assertEquals("PLAINTEXT://:9092", new EndPoint("PLAINTEXT", null, 9092, "PLAINTEXT").connectionString());
        assertThrows(ZkException.class, () -> EndPoint.parse("INTERNAL://h:1", EndPoint.DEFAULT_SECURITY_PROTOCOL_MAP));
        assertThrows(ZkException.class, () -> EndPoint.parse("garbage", EndPoint.DEFAULT_SECURITY_PROTOCOL_MAP));
    }

    @Test
    void connectStringChroot() {
        assertNull(ZkClientSettings.of("a:1,b:2").chroot());
        assertEquals("a:1,b:2", ZkClientSettings.of("a:1,b:2/kafka/x").hosts());
        assertEquals("/kafka/x", ZkClientSettings.of("a:1,b:2/kafka/x/").chroot());
        assertNull(ZkClientSettings.of("a:1/").chroot());
    }
}
