package io.samsa.systest.samsaclient;

import io.samsa.clients.producer.Producer;
import io.samsa.clients.producer.ProducerConfig;
import io.samsa.clients.producer.ProducerRecord;
import io.samsa.clients.producer.RecordMetadata;
import io.samsa.clients.producer.SamsaProducer;
import io.samsa.common.PartitionInfo;
import io.samsa.common.errors.RecordTooLargeException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.common.serialization.ByteArraySerializer;
import io.samsa.common.serialization.StringSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Samsa's producer against a live deployment, the same assertions whichever broker runs it:
 * records (keys, values, headers, timestamps, every codec) arrive as sent, in order, exactly once,
 * as read by kafka-clients' own consumer; keyed records land where kafka-clients' producer puts
 * them; delivery errors surface through the future and the callback.
 */
interface ProducerTests {

    ClientSuiteDeployment deployment();

    private Properties props() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, deployment().bootstrap());
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    default void recordsArriveAsSentWithEveryCodec(String codec) throws Exception {
        String topic = "produce-" + codec;
        deployment().createTopic(topic, 1);
        Properties p = props();
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        int n = 2000;
        long base = ClientSuiteDeployment.RECENT_TIMESTAMP;
        List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>();
        try (Producer<String, String> producer = new SamsaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                ProducerRecord<String, String> r = new ProducerRecord<>(topic, 0, base + i, "k" + i, "value-" + i);
                r.headers().add("h", ("hv" + i).getBytes(StandardCharsets.UTF_8));
                futures.add(producer.send(r));
            }
            producer.flush();
        }
        for (int i = 0; i < n; i++) {
            RecordMetadata m = futures.get(i).get();
            assertEquals(i, m.offset(), "offset of record " + i);
            assertEquals(0, m.partition());
            assertEquals(base + i, m.timestamp());
        }
        List<ConsumerRecord<byte[], byte[]>> read = deployment().readWithKafkaConsumer(topic, 1, n);
        assertEquals(n, read.size(), "exactly the records sent");
        for (int i = 0; i < n; i++) {
            ConsumerRecord<byte[], byte[]> r = read.get(i);
            assertEquals(i, r.offset());
            assertEquals("k" + i, new String(r.key(), StandardCharsets.UTF_8));
            assertEquals("value-" + i, new String(r.value(), StandardCharsets.UTF_8));
            assertEquals(base + i, r.timestamp());
            assertEquals("hv" + i, new String(r.headers().lastHeader("h").value(), StandardCharsets.UTF_8));
        }
    }

    @Test
    default void keyedRecordsLandWhereKafkaClientsPutThem() throws Exception {
        String topic = "keyed";
        int partitions = 7;
        deployment().createTopic(topic, partitions);
        Random random = new Random(42);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            byte[] k = new byte[1 + random.nextInt(40)];
            random.nextBytes(k);
            keys.add(k);
        }
        Map<Integer, Integer> samsa = new HashMap<>();
        try (Producer<byte[], byte[]> producer = new SamsaProducer<>(props(), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<CompletableFuture<RecordMetadata>> fs = new ArrayList<>();
            for (byte[] k : keys) {
                fs.add(producer.send(new ProducerRecord<>(topic, k, k)));
            }
            for (int i = 0; i < fs.size(); i++) {
                samsa.put(i, fs.get(i).get().partition());
            }
        }
        Properties kp = new Properties();
        kp.put("bootstrap.servers", deployment().bootstrap());
        try (KafkaProducer<byte[], byte[]> kafka = new KafkaProducer<>(kp, new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int i = 0; i < keys.size(); i++) {
                int partition = kafka.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, keys.get(i), keys.get(i)))
                        .get().partition();
                assertEquals(partition, samsa.get(i), "partition of key " + i);
            }
        }
    }

    @Test
    default void callbacksRunInOrderWithTheirMetadata() throws Exception {
        String topic = "callbacks";
        deployment().createTopic(topic, 3);
        List<Long> offsets = new CopyOnWriteArrayList<>();
        try (Producer<String, String> producer = new SamsaProducer<>(props(), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>(topic, 1, null, "v" + i), (m, e) -> {
                    assertEquals(null, e);
                    offsets.add(m.offset());
                });
            }
            producer.flush();
            Object sent = producer.metrics().entrySet().stream().filter(e -> e.getKey().name().equals("record-send-total"))
                    .findFirst().orElseThrow().getValue().metricValue();
            assertEquals(100.0, sent, "producer-metrics record-send-total");
        }
        assertEquals(100, offsets.size());
        for (int i = 0; i < offsets.size(); i++) {
            assertEquals(i, offsets.get(i));
        }
    }

    @Test
    default void keylessRecordsStickToABatchAndSpreadOverPartitions() throws Exception {
        String topic = "sticky";
        deployment().createTopic(topic, 4);
        Properties p = props();
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "1024");
        Map<Integer, Integer> perPartition = new HashMap<>();
        try (Producer<String, String> producer = new SamsaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            List<CompletableFuture<RecordMetadata>> fs = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                fs.add(producer.send(new ProducerRecord<>(topic, "x".repeat(100))));
            }
            for (CompletableFuture<RecordMetadata> f : fs) {
                perPartition.merge(f.get().partition(), 1, Integer::sum);
            }
        }
        assertEquals(4, perPartition.size(), "every partition got records: " + perPartition);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "all"})
    default void everyAcksSettingDelivers(String acks) throws Exception {
        String topic = "acks-" + acks;
        deployment().createTopic(topic, 1);
        Properties p = props();
        p.put(ProducerConfig.ACKS_CONFIG, acks);
        if (!acks.equals("all")) {
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        }
        try (Producer<String, String> producer = new SamsaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            RecordMetadata last = null;
            for (int i = 0; i < 50; i++) {
                last = producer.send(new ProducerRecord<>(topic, "v" + i)).get();
            }
            assertEquals(acks.equals("0") ? -1 : 49, last.offset());
        }
        assertEquals(50, deployment().readWithKafkaConsumer(topic, 1, 50).size());
    }

    @Test
    default void partitionsForListsTheTopicsPartitions() {
        deployment().createTopic("described", 5);
        try (Producer<String, String> producer = new SamsaProducer<>(props(), new StringSerializer(), new StringSerializer())) {
            List<PartitionInfo> parts = producer.partitionsFor("described");
            assertEquals(5, parts.size());
            for (PartitionInfo info : parts) {
                assertEquals(deployment().replicationFactor(), info.replicas().length);
                assertTrue(info.leader() != null);
            }
        }
    }

    @Test
    default void sendToAMissingTopicTimesOutAfterMaxBlock() {
        Properties p = props();
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1500");
        try (Producer<String, String> producer = new SamsaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>("no-such-topic", 3, "k", "v")).get());
            assertInstanceOf(TimeoutException.class, e.getCause());
        }
    }

    @Test
    default void autoCreatedTopicAcceptsTheFirstRecord() throws Exception {
        try (Producer<String, String> producer = new SamsaProducer<>(props(), new StringSerializer(), new StringSerializer())) {
            RecordMetadata m = producer.send(new ProducerRecord<>("auto-created", "k", "v")).get(30, TimeUnit.SECONDS);
            assertEquals(0, m.offset());
        }
    }

    @Test
    default void aDeadBootstrapFailsWithinMaxBlock() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
        long start = System.nanoTime();
        try (Producer<String, String> producer = new SamsaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> producer.send(new ProducerRecord<>("t", "v")).get());
            assertInstanceOf(TimeoutException.class, e.getCause());
            producer.close(Duration.ZERO);
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "close returned promptly");
    }

    @Test
    default void aRecordTheBrokerRefusesFailsAloneAndLaterRecordsStillGo() throws Exception {
        String topic = "refused";
        deployment().createTopic(topic, 1, Map.of("max.message.bytes", "1000"));
        try (Producer<String, String> producer = new SamsaProducer<>(props(), new StringSerializer(), new StringSerializer())) {
            assertEquals(0, producer.send(new ProducerRecord<>(topic, 0, null, "small")).get().offset());
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(topic, 0, null, "x".repeat(5000))).get());
            assertInstanceOf(RecordTooLargeException.class, e.getCause());
            // The refused batch took a sequence number: the producer bumps its epoch and carries on.
            for (int i = 1; i <= 5; i++) {
                assertEquals(i, producer.send(new ProducerRecord<>(topic, 0, null, "after-" + i)).get().offset());
            }
        }
    }

    private static Set<String> mbeanAttributes(MBeanServer server, ObjectName name) throws Exception {
        Set<String> out = new TreeSet<>();
        for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
            out.add(a.getName());
        }
        return out;
    }

    private static double mbeanDouble(MBeanServer server, ObjectName name, String attribute) throws Exception {
        return (Double) server.getAttribute(name, attribute);
    }

    /**
     * After real sends, the producer's metrics read through JMX by Kafka's MBean names hold what was
     * sent; the per-topic and per-node beans carry only attributes kafka-clients' producer has
     * under the same names; every bean goes on close.
     */
    @Test
    default void metricsAreReadableThroughJmxByKafkasMBeanNames() throws Exception {
        String topic = "jmx-produce";
        deployment().createTopic(topic, 1);
        String clientId = "jmx-producer-" + UUID.randomUUID();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Properties p = props();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        ObjectName client = new ObjectName("kafka.producer:type=producer-metrics,client-id=" + clientId);
        ObjectName perTopic = new ObjectName("kafka.producer:type=producer-topic-metrics,client-id=" + clientId + ",topic=" + topic);
        try (Producer<String, String> producer = new SamsaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            List<CompletableFuture<RecordMetadata>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(producer.send(new ProducerRecord<>(topic, 0, null, "value-" + i % 10)));
            }
            for (CompletableFuture<RecordMetadata> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
            // Kafka counts a record each time its batch goes out: a retry (a leader moving) counts it again.
            assertTrue(mbeanDouble(server, client, "record-send-total") >= 200.0);
            assertTrue(mbeanDouble(server, client, "record-send-rate") > 0);
            double batchAvg = mbeanDouble(server, client, "batch-size-avg");
            assertTrue(batchAvg > 61 && mbeanDouble(server, client, "batch-size-max") >= batchAvg, "batch sizes in bytes");
            double compression = mbeanDouble(server, client, "compression-rate-avg");
            assertTrue(compression > 0 && compression < 1, "gzip shrinks repeated values: " + compression);
            double latency = mbeanDouble(server, client, "request-latency-avg");
            assertTrue(latency >= 0 && mbeanDouble(server, client, "request-latency-max") >= latency, "latency " + latency);
            assertTrue(mbeanDouble(server, perTopic, "record-send-total") >= 200.0);
            assertTrue(mbeanDouble(server, perTopic, "byte-total") > 0);
            assertTrue(mbeanDouble(server, perTopic, "compression-rate") < 1);

            Set<ObjectName> nodes = server.queryNames(new ObjectName("kafka.producer:type=producer-node-metrics,client-id="
                    + clientId + ",*"), null);
            ObjectName leader = nodes.stream().filter(n -> !n.getKeyProperty("node-id").startsWith("node--")).filter(n -> {
                try {
                    return !Double.isNaN(mbeanDouble(server, n, "request-latency-avg"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).findFirst().orElseThrow(() -> new AssertionError("no broker node with produce latencies in " + nodes));
            assertTrue(mbeanDouble(server, leader, "request-total") > 0);
            assertTrue(mbeanDouble(server, leader, "outgoing-byte-total") > mbeanDouble(server, leader, "incoming-byte-total"),
                    "produce requests are bigger than their answers");

            String kafkaId = "jmx-oracle-" + UUID.randomUUID();
            Properties kp = new Properties();
            kp.put("bootstrap.servers", deployment().bootstrap());
            kp.put("client.id", kafkaId);
            try (KafkaProducer<String, String> kafka = new KafkaProducer<>(kp,
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    new org.apache.kafka.common.serialization.StringSerializer())) {
                kafka.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, 0, null, "oracle")).get(30, TimeUnit.SECONDS);
                Set<String> extra = mbeanAttributes(server, perTopic);
                extra.removeAll(mbeanAttributes(server, new ObjectName(
                        "kafka.producer:type=producer-topic-metrics,client-id=" + kafkaId + ",topic=" + topic)));
                assertEquals(Set.of(), extra, "per-topic attributes kafka-clients does not have");
                ObjectName kafkaNode = new ObjectName("kafka.producer:type=producer-node-metrics,client-id=" + kafkaId
                        + ",node-id=" + leader.getKeyProperty("node-id"));
                extra = mbeanAttributes(server, leader);
                extra.removeAll(mbeanAttributes(server, kafkaNode));
                assertEquals(Set.of(), extra, "per-node attributes kafka-clients does not have");
            }
        }
        assertEquals(Set.of(), server.queryNames(new ObjectName("kafka.producer:client-id=" + clientId + ",*"), null),
                "the beans are gone after close()");
        assertFalse(server.isRegistered(new ObjectName("kafka.producer:type=app-info,id=" + clientId)));
    }
}
