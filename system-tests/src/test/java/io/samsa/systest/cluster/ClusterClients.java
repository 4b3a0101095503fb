package io.samsa.systest.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Apache kafka-clients 3.9.1 instances for a multi-broker cluster whose brokers come and go:
 * string keys and values, the client's default idempotence for acks=all, short request timeouts and
 * reconnect backoffs so a client notices a dead or returning broker within a second or two.
 * Stateless.
 */
final class ClusterClients {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ClusterClients() {
    }

    static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        p.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
        // Each describe must reflect the cluster now, not a view cached before a broker died.
        p.put(AdminClientConfig.METADATA_MAX_AGE_CONFIG, 500);
        return Admin.create(p);
    }

    /**
     * Producer with the given acks, retrying (the client's default) for up to 30 s: idempotent (the
     * client's default) with acks=all, and not with acks=1, which the client requires.
     */
    static KafkaProducer<String, String> producer(String bootstrap, String acks) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, acks);
        if (!acks.equals("all")) {
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        }
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
        p.put(ProducerConfig.METADATA_MAX_AGE_CONFIG, 1_000);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** A group-less consumer: positions come only from assign/seek. */
    static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        p.put(ConsumerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    /** Sends one record and waits for its acknowledgement; returns where it landed. */
    static RecordMetadata send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("send to " + record.topic() + "-" + record.partition() + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("send to " + record.topic() + "-" + record.partition() + " not acknowledged within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Every record of one partition from offset 0 up to its current end offset, in log order.
     * Fails if the partition cannot be read to its end within {@link #TIMEOUT}.
     */
    static List<ConsumerRecord<String, String>> readAll(String bootstrap, TopicPartition tp) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            consumer.seek(tp, 0);
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(tp) < end) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("read only up to offset " + consumer.position(tp) + " of " + tp
                            + " (end offset " + end + ") within " + TIMEOUT);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500)).records(tp)) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    /** Fails unless the partition holds exactly these values, at offsets 0, 1, 2, ... with no gap. */
    static void assertValues(String bootstrap, List<String> expected, String topic, int partition) {
        List<ConsumerRecord<String, String>> records = readAll(bootstrap, new TopicPartition(topic, partition));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).offset() != i) {
                throw new AssertionError("offset " + records.get(i).offset() + " where " + i + " belongs in " + topic + "-" + partition);
            }
            values.add(records.get(i).value());
        }
        if (!expected.equals(values)) {
            throw new AssertionError("records of " + topic + "-" + partition + ": expected " + expected + " but read " + values);
        }
    }

    /** The future's value; its failure cause as a RuntimeException so that a polling Wait retries. */
    static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No answer within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
