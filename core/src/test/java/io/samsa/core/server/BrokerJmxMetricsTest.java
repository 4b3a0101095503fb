package io.samsa.core.server;

import io.samsa.core.test.SamsaCluster;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running broker's metrics read over JMX by Kafka's MBean names, as Kafka's own tooling
 * (JConsole, jmxterm, Kafka's JmxTool, exporters) reads them, after kafka-clients produce and fetch.
 */
@Tag("integration")
@Timeout(120)
class BrokerJmxMetricsTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of());

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    private static Object attribute(String name, String attribute) throws Exception {
        return JMX.getAttribute(new ObjectName(name), attribute);
    }

    private static Set<ObjectName> names(String pattern) {
        try {
            return JMX.queryNames(new ObjectName(pattern), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attribute, or null while the MBean is not there; for polling. */
    private static Object current(String name, String attribute) {
        try {
            ObjectName n = new ObjectName(name);
            return JMX.isRegistered(n) ? JMX.getAttribute(n, attribute) : null;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + name + " " + attribute, e);
        }
    }

    @Test
    void produceAndFetchShowUnderKafkasMBeanNames() throws Exception {
        String topic = "jmx-metrics";
        int records = 7;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v" + i)).get();
            }
        }
        Properties consumerProps = new Properties();
        consumerProps.putAll(props);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "jmx-group");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        int read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read < records && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            // The group stops three records short: its lag is three.
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(records - 3)));
        }
        assertEquals(records, read);
        String lag = "kafka.coordinator.group:type=ConsumerLag,name=Lag,group=jmx-group,topic=" + topic + ",partition=0";
        Wait.until("the coordinator publishes the group's lag", Duration.ofSeconds(30),
                () -> Long.valueOf(3).equals(current(lag, "Value")));
        assertEquals(3L, attribute("kafka.coordinator.group:type=ConsumerLag,name=TotalLag,group=jmx-group", "Value"));
        assertTrue((int) attribute("kafka.coordinator.group:type=GroupMetadataManager,name=NumGroups", "Value") >= 1);
        assertTrue((int) attribute("kafka.coordinator.group:type=GroupMetadataManager,name=NumOffsets", "Value") >= 1);

        assertEquals((long) records, attribute("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=" + topic, "Count"));
        assertTrue((long) attribute("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec", "Count") >= records);
        assertTrue((long) attribute("kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=" + topic, "Count") > 0);
        assertTrue((long) attribute("kafka.server:type=BrokerTopicMetrics,name=BytesOutPerSec,topic=" + topic, "Count") > 0);
        assertEquals((long) records,
                attribute("kafka.server:type=BrokerTopicMetrics,name=TotalProduceRequestsPerSec,topic=" + topic, "Count"));
        assertTrue((long) attribute("kafka.server:type=BrokerTopicMetrics,name=TotalFetchRequestsPerSec,topic=" + topic, "Count") > 0);
        assertEquals(0L, attribute("kafka.server:type=BrokerTopicMetrics,name=FailedProduceRequestsPerSec,topic=" + topic, "Count"));

        // Kafka 3.9 tags RequestsPerSec by version too; the time histograms by API only.
        Set<ObjectName> produceRates = JMX.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,request=Produce,*"), null);
        assertFalse(produceRates.isEmpty());
        long produced = 0;
        for (ObjectName n : produceRates) {
            produced += (long) JMX.getAttribute(n, "Count");
        }
        assertEquals(records, produced);
        assertTrue((long) attribute("kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce", "Count") >= records);
        assertEquals((long) records, attribute("kafka.network:type=RequestMetrics,name=ErrorsPerSec,request=Produce,error=NONE", "Count"));
        assertTrue((long) attribute("kafka.network:type=RequestMetrics,name=LocalTimeMs,request=Fetch", "Count") > 0);
        assertTrue(attribute("kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Metadata", "99thPercentile") instanceof Double);

        assertTrue((int) attribute("kafka.server:type=ReplicaManager,name=PartitionCount", "Value") >= 1);
        assertTrue((int) attribute("kafka.server:type=ReplicaManager,name=LeaderCount", "Value") >= 1);
        assertEquals(0, attribute("kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions", "Value"));
        assertEquals(1, attribute("kafka.controller:type=KafkaController,name=ActiveControllerCount", "Value"));
        assertEquals(0, attribute("kafka.controller:type=KafkaController,name=OfflinePartitionsCount", "Value"));
        assertTrue((int) attribute("kafka.controller:type=KafkaController,name=GlobalTopicCount", "Value") >= 1);
        assertTrue((int) attribute("kafka.controller:type=KafkaController,name=GlobalPartitionCount", "Value") >= 1);
        assertEquals((long) records, attribute("kafka.log:type=Log,name=LogEndOffset,topic=" + topic + ",partition=0", "Value"));
        assertTrue((long) attribute("kafka.log:type=Log,name=Size,topic=" + topic + ",partition=0", "Value") > 0);
        assertTrue(attribute("kafka.server:type=DelayedOperationPurgatory,name=PurgatorySize,delayedOperation=Fetch", "Value")
                instanceof Integer);

        assertEquals(0L, attribute("kafka.server:type=ReplicaFetcherManager,name=MaxLag,clientId=Replica", "Value"), "nothing to follow");
        assertTrue((long) attribute("kafka.controller:type=ControllerStats,name=LeaderElectionRateAndTimeMs", "Count") >= 0);
        assertEquals(0L, attribute("kafka.controller:type=ControllerStats,name=UncleanLeaderElectionsPerSec", "Count"));
        assertTrue((long) attribute("kafka.controller:type=ControllerStats,name=TopicChangeRateAndTimeMs", "Count") >= 1);
        double handlerIdle = (double) attribute("kafka.server:type=KafkaRequestHandlerPool,name=RequestHandlerAvgIdlePercent", "MeanRate");
        assertTrue(handlerIdle > 0 && handlerIdle <= 1.01, "a share of time, not a per-second count: " + handlerIdle);
        Wait.until("the network threads' idle share is measured", Duration.ofSeconds(10), () -> {
            double idle = (double) current("kafka.network:type=SocketServer,name=NetworkProcessorAvgIdlePercent", "Value");
            return idle > 0 && idle < 1;
        });
        assertEquals("CONNECTED", attribute("kafka.server:type=SessionExpireListener,name=SessionState", "Value"));
        assertTrue((long) attribute("kafka.server:type=ZooKeeperClientMetrics,name=ZooKeeperRequestLatencyMs", "Count") > 0);
        assertTrue((int) attribute("kafka.network:type=SocketServer,name=ConnectionCount,listener=PLAINTEXT", "Value") >= 0);
        assertTrue((long) attribute("kafka.network:type=SocketServer,name=ConnectionCreationsPerSec,listener=PLAINTEXT", "Count") >= 3,
                "the admin client, the producer and the consumer connected");
        assertTrue(JMX.isRegistered(new ObjectName("kafka.log:type=LogFlushStats,name=LogFlushRateAndTimeMs")));
    }
}
