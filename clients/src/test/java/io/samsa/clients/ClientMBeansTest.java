package io.samsa.clients;

import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.consumer.SamsaConsumer;
import io.samsa.clients.producer.ProducerConfig;
import io.samsa.clients.producer.SamsaProducer;
import io.samsa.common.TopicPartition;
import io.samsa.common.config.ConfigException;
import io.samsa.common.serialization.StringDeserializer;
import io.samsa.common.serialization.StringSerializer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer's and consumer's MBeans, read through the platform MBean server by Kafka's names,
 * with no broker (the bootstrap address refuses connections): they are there from construction to
 * close, are named and hold attributes as kafka-clients' own clients (the oracle, in this JVM) do,
 * and follow {@code auto.include.jmx.reporter} and {@code metric.reporters}. Values after real
 * sends and polls are checked by the system tests.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientMBeansTest {

    private static final String NOWHERE = "127.0.0.1:1";
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    private static Properties producerProps(String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return p;
    }

    private static Properties consumerProps(String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "jmx-group");
        return p;
    }

    private Set<String> attributes(String name) throws Exception {
        Set<String> out = new TreeSet<>();
        for (MBeanAttributeInfo a : server.getMBeanInfo(new ObjectName(name)).getAttributes()) {
            out.add(a.getName());
        }
        return out;
    }

    private Set<ObjectName> beans(String domain, String clientId) throws Exception {
        Set<ObjectName> out = new java.util.HashSet<>(server.queryNames(new ObjectName(domain + ":*,client-id=" + clientId), null));
        out.addAll(server.queryNames(new ObjectName(domain + ":type=app-info,id=" + clientId), null));
        return out;
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void theProducersBeansLiveFromConstructionToClose() throws Exception {
        SamsaProducer<String, String> producer = new SamsaProducer<>(producerProps("jmx-p1"), new StringSerializer(),
                new StringSerializer());
        try {
            String metrics = "kafka.producer:type=producer-metrics,client-id=jmx-p1";
            assertTrue(attributes(metrics).containsAll(Set.of("record-send-rate", "record-send-total", "batch-size-avg",
                    "batch-size-max", "compression-rate-avg", "request-latency-avg", "request-latency-max",
                    "record-error-rate", "record-retry-rate", "records-per-request-avg", "buffer-available-bytes")),
                    () -> "attributes: " + uncheckedAttributes(metrics));
            assertEquals(0.0, server.getAttribute(new ObjectName(metrics), "record-send-total"));
            assertTrue(Double.isNaN((Double) server.getAttribute(new ObjectName(metrics), "batch-size-avg")));
            ObjectName appInfo = new ObjectName("kafka.producer:type=app-info,id=jmx-p1");
            assertInstanceOf(String.class, server.getAttribute(appInfo, "Version"));
            assertInstanceOf(Long.class, server.getAttribute(appInfo, "StartTimeMs"));
            assertEquals(Set.of("commit-id", "start-time-ms", "version"),
                    attributes("kafka.producer:type=app-info,client-id=jmx-p1"));
        } finally {
            producer.close(Duration.ZERO);
        }
        assertEquals(Set.of(), beans("kafka.producer", "jmx-p1"), "every bean is gone after close()");
    }

    private String uncheckedAttributes(String name) {
        try {
            return attributes(name).toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void theConsumersBeansIncludeEachBrokerItConnectsToAndGoOnClose() throws Exception {
        SamsaConsumer<String, String> consumer = new SamsaConsumer<>(consumerProps("jmx-c1"), new StringDeserializer(),
                new StringDeserializer());
        try {
            assertTrue(attributes("kafka.consumer:type=consumer-fetch-manager-metrics,client-id=jmx-c1")
                    .containsAll(Set.of("records-lag-max", "records-lead-min", "fetch-latency-avg", "records-consumed-rate")));
            assertTrue(attributes("kafka.consumer:type=consumer-metrics,client-id=jmx-c1").contains("last-poll-seconds-ago"));
            assertTrue(attributes("kafka.consumer:type=consumer-coordinator-metrics,client-id=jmx-c1")
                    .contains("assigned-partitions"));
            assertTrue(server.isRegistered(new ObjectName("kafka.consumer:type=app-info,id=jmx-c1")));
            consumer.assign(List.of(new TopicPartition("t", 0)));
            ObjectName node = new ObjectName("kafka.consumer:type=consumer-node-metrics,client-id=jmx-c1,node-id=node--1");
            waitUntil("the bootstrap connection's metrics", () -> {
                consumer.poll(Duration.ofMillis(10));
                return server.isRegistered(node);
            });
            assertTrue(attributes(node.toString()).containsAll(Set.of("request-rate", "request-total", "request-size-avg",
                    "outgoing-byte-rate", "incoming-byte-total", "response-rate", "request-latency-avg")));
            assertEquals(1.0, server.getAttribute(new ObjectName(
                    "kafka.consumer:type=consumer-coordinator-metrics,client-id=jmx-c1"), "assigned-partitions"));
        } finally {
            consumer.close(Duration.ZERO);
        }
        assertEquals(Set.of(), beans("kafka.consumer", "jmx-c1"), "every bean is gone after close()");
    }

    @Test
    void jmxFollowsAutoIncludeAndMetricReportersAsKafka39Does() throws Exception {
        Properties off = producerProps("jmx-off");
        off.put(ProducerConfig.AUTO_INCLUDE_JMX_REPORTER_CONFIG, "false");
        try (SamsaProducer<String, String> producer = new SamsaProducer<>(off, new StringSerializer(), new StringSerializer())) {
            assertEquals(Set.of(), beans("kafka.producer", "jmx-off"));
            assertFalse(producer.metrics().isEmpty(), "metrics() does not depend on JMX");
        }
        Properties listed = consumerProps("jmx-listed");
        listed.put(ConsumerConfig.AUTO_INCLUDE_JMX_REPORTER_CONFIG, "false");
        listed.put(ConsumerConfig.METRIC_REPORTER_CLASSES_CONFIG, "org.apache.kafka.common.metrics.JmxReporter");
        try (SamsaConsumer<String, String> consumer = new SamsaConsumer<>(listed, new StringDeserializer(), new StringDeserializer())) {
            assertTrue(server.isRegistered(new ObjectName("kafka.consumer:type=consumer-metrics,client-id=jmx-listed")));
        }
        Properties other = producerProps("jmx-other");
        other.put(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, "com.example.MyReporter");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new SamsaProducer<>(other, new StringSerializer(), new StringSerializer()));
        assertTrue(e.getMessage().contains("metric.reporters"), e.getMessage());
    }

    @Test
    void twoProducersWithOneClientIdBothWorkAndTheFirstKeepsTheBeans() throws Exception {
        SamsaProducer<String, String> first = new SamsaProducer<>(producerProps("jmx-same"), new StringSerializer(),
                new StringSerializer());
        try {
            SamsaProducer<String, String> second = new SamsaProducer<>(producerProps("jmx-same"), new StringSerializer(),
                    new StringSerializer());
            second.close(Duration.ZERO);
            assertTrue(server.isRegistered(new ObjectName("kafka.producer:type=producer-metrics,client-id=jmx-same")),
                    "closing the second producer leaves the first one's beans");
            assertTrue(server.isRegistered(new ObjectName("kafka.producer:type=app-info,id=jmx-same")));
        } finally {
            first.close(Duration.ZERO);
        }
        assertEquals(Set.of(), beans("kafka.producer", "jmx-same"));
    }

    /** Every attribute Samsa publishes under a name is one kafka-clients publishes under the same name. */
    private void assertSubsetOfKafkas(String samsaName, String kafkaName) throws Exception {
        Set<String> samsa = attributes(samsaName);
        Set<String> kafka = attributes(kafkaName);
        Set<String> extra = new TreeSet<>(samsa);
        extra.removeAll(kafka);
        assertEquals(Set.of(), extra, () -> samsaName + " has attributes Kafka's " + kafkaName + " lacks");
    }

    @Test
    void theProducersBeansAreNamedAsKafkaClientsNamesThem() throws Exception {
        Properties kp = new Properties();
        kp.put("bootstrap.servers", NOWHERE);
        kp.put("client.id", "oracle-p");
        try (KafkaProducer<String, String> kafka = new KafkaProducer<>(kp, new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer());
             SamsaProducer<String, String> samsa = new SamsaProducer<>(producerProps("samsa-p"), new StringSerializer(),
                     new StringSerializer())) {
            for (String type : List.of("producer-metrics", "app-info")) {
                assertSubsetOfKafkas("kafka.producer:type=" + type + ",client-id=samsa-p",
                        "kafka.producer:type=" + type + ",client-id=oracle-p");
            }
            assertEquals(attributes("kafka.producer:type=app-info,id=oracle-p"), attributes("kafka.producer:type=app-info,id=samsa-p"));
            kafka.close(Duration.ZERO);
            samsa.close(Duration.ZERO);
        }
    }

    @Test
    void theConsumersBeansAreNamedAsKafkaClientsNamesThem() throws Exception {
        Properties kp = new Properties();
        kp.put("bootstrap.servers", NOWHERE);
        kp.put("client.id", "oracle-c");
        kp.put("group.id", "jmx-group");
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(kp, new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer());
             SamsaConsumer<String, String> samsa = new SamsaConsumer<>(consumerProps("samsa-c"), new StringDeserializer(),
                     new StringDeserializer())) {
            for (String type : List.of("consumer-fetch-manager-metrics", "consumer-metrics", "consumer-coordinator-metrics",
                    "app-info")) {
                assertSubsetOfKafkas("kafka.consumer:type=" + type + ",client-id=samsa-c",
                        "kafka.consumer:type=" + type + ",client-id=oracle-c");
            }
            assertEquals(attributes("kafka.consumer:type=app-info,id=oracle-c"), attributes("kafka.consumer:type=app-info,id=samsa-c"));
            kafka.close(Duration.ZERO);
            samsa.close(Duration.ZERO);
        }
    }
}
