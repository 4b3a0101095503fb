package io.samsa.core.server;

import io.samsa.core.test.SamsaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kafka-clients 3.9.1 producers with their DEFAULT settings (idempotence on, acks=all) against
 * Samsa, including retries of batches the broker appended but whose answers were lost; acks=all on
 * a topic whose min.insync.replicas exceeds its replication factor; and a transactional producer,
 * which must fail at once with a clear error while transactions are not built.
 */
@Tag("integration")
@Timeout(120)
class IdempotentProducerTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of());

    private static void createTopic(String name) throws Exception {
        createTopic(new NewTopic(name, 1, (short) 1));
    }

    private static void createTopic(NewTopic topic) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(topic)).all().get();
        }
    }

    @Test
    void minInSyncReplicasAboveTheReplicationFactorAsksForEveryReplica() throws Exception {
        createTopic(new NewTopic("min-isr-2", 1, (short) 1).configs(Map.of("min.insync.replicas", "2")));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            assertEquals(0, producer.send(new ProducerRecord<>("min-isr-2", "k", "v")).get().offset());
        }
    }

    @Test
    void aTransactionalProducerFailsAtOnceWithAClearError() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "txn-1");
        // Longer than the test may run: a broker answering a retriable error would end in a timeout.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "300000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            KafkaException e = assertThrows(KafkaException.class, producer::initTransactions);
            assertFalse(e instanceof org.apache.kafka.common.errors.TimeoutException, e.toString());
            assertTrue(e.getMessage().contains("Transactions are not supported by this broker"), e.getMessage());
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(Set.of(tp));
            c.seekToBeginning(Set.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && c.position(tp) < c.endOffsets(Set.of(tp)).get(tp)) {
                c.poll(Duration.ofMillis(100)).forEach(out::add);
            }
            assertEquals(expected, c.endOffsets(Set.of(tp)).get(tp), "log end offset: no record written twice");
        }
        return out;
    }

    @Test
    void defaultProducerSettingsWork() throws Exception {
        createTopic("idem-default");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 500; i++) {
                acks.add(producer.send(new ProducerRecord<>("idem-default", "k" + i, "v" + i)));
            }
            producer.flush();
        }
        for (int i = 0; i < 500; i++) {
            assertEquals(i, acks.get(i).get().offset());
        }
        List<ConsumerRecord<String, String>> got = readAll("idem-default", 500);
        assertEquals(500, got.size());
        for (int i = 0; i < 500; i++) {
            assertEquals("v" + i, got.get(i).value());
        }
        assertEquals(1, cluster.broker(0).replicaManager().partition(new io.samsa.common.TopicPartition("idem-default", 0))
                .orElseThrow().log().activeProducerCount(), "the batches carried a producer id");
    }

    @Test
    void lostResponsesAreRetriedWithoutDuplicatesOrReordering() throws Exception {
        createTopic("idem-faults");
        // Every seventh produce request is appended and then its connection dropped before the answer.
        cluster.broker(0).faultHooks().dropProduceResponseWhen(n -> n % 7 == 3);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "200");
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "10");
        int count = 2000;
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                acks.add(producer.send(new ProducerRecord<>("idem-faults", "k" + i, "value-" + i)));
            }
            producer.flush();
        } finally {
            cluster.broker(0).faultHooks().dropProduceResponseWhen(null);
        }
        long previous = -1;
        for (Future<RecordMetadata> f : acks) {
            long offset = f.get().offset();
            assertTrue(offset > previous, "acknowledged offsets increase in send order");
            previous = offset;
        }
        List<ConsumerRecord<String, String>> got = readAll("idem-faults", count);
        assertEquals(count, got.size());
        for (int i = 0; i < count; i++) {
            assertEquals(i, got.get(i).offset());
            assertEquals("value-" + i, got.get(i).value(), "record " + i + " in order, exactly once");
        }
    }
}
