package io.samsa.systest.samsaclient;

import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.clients.consumer.SamsaConsumer;
import io.samsa.common.TopicPartition;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Samsa's consumer reading transactional data: read_committed skips aborted transactions and the
 * markers, read_uncommitted sees every record. Only deployments whose broker has transactions
 * implement it (Kafka 3.9.1; Samsa's broker has none yet), so no test skips itself.
 */
interface TransactionalConsumerTests extends ConsumerTests {

    @Test
    default void readCommittedSkipsAbortedTransactions() {
        String topic = "c-txn";
        deployment().createTopic(topic, 1);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, deployment().bootstrap());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "c-txn-producer");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            for (String outcome : List.of("commit", "abort", "commit")) {
                producer.beginTransaction();
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, "k", outcome + i));
                }
                producer.flush(); // so the aborted records reach the log, not just die in the producer
                if (outcome.equals("commit")) {
                    producer.commitTransaction();
                } else {
                    producer.abortTransaction();
                }
            }
        }
        TopicPartition tp = new TopicPartition(topic, 0);
        Map<String, Object> committedProps = consumerProps(null);
        committedProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (SamsaConsumer<String, String> consumer = samsa(committedProps)) {
            consumer.assign(List.of(tp));
            List<ConsumerRecord<String, String>> read = ConsumerTests.pollUntil(consumer, 20);
            assertEquals(20, read.size());
            assertTrue(read.stream().allMatch(r -> r.value().startsWith("commit")), "only committed records");
            long[] position = {-1};
            try {
                Wait.until("position past the last marker", ClientSuiteDeployment.TIMEOUT, () -> {
                    consumer.poll(POLL);
                    position[0] = consumer.position(tp);
                    return position[0] == 33;
                });
            } catch (AssertionError e) {
                throw new AssertionError("position " + position[0] + ", end offsets " + consumer.endOffsets(List.of(tp)), e);
            }
        }
        try (SamsaConsumer<String, String> consumer = samsa(consumerProps(null))) {
            consumer.assign(List.of(tp));
            List<ConsumerRecord<String, String>> read = ConsumerTests.pollUntil(consumer, 30);
            assertEquals(30, read.size(), "read_uncommitted sees aborted records too, but no markers");
            assertFalse(read.stream().allMatch(r -> r.value().startsWith("commit")));
        }
    }
}
