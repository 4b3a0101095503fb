package io.samsa.systest.tools;

import io.samsa.systest.harness.BrokerUnderTest;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the admin tools' system tests set up and check with Apache Kafka's own Java clients (the
 * oracle, in this JVM, so no process start per step): topics, records with chosen timestamps, a
 * group's committed offsets, and reading them back. Each call opens and closes its clients. Not
 * thread-safe.
 */
final class ToolTestData {

    private static final long WAIT_SECONDS = 60;

    private final BrokerUnderTest broker;

    ToolTestData(BrokerUnderTest broker) {
        this.broker = broker;
    }

    /** Creates a topic (replication factor: the brokers' default) and waits until every partition has a leader. */
    void createTopic(String topic, int partitions, Map<String, String> configs) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 3).configs(configs))).all()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            Wait.until(topic + " has leaders", Duration.ofSeconds(WAIT_SECONDS), () -> {
                try {
                    TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
                    return d.partitions().size() == partitions && d.partitions().stream().allMatch(p -> p.leader() != null);
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new AssertionError("cannot create " + topic, e);
        }
    }

    /** Appends {@code count} records to the partition, the i-th with timestamp {@code firstTimestamp + i * 1000}. */
    void produce(String topic, int partition, int count, long firstTimestamp) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, firstTimestamp + i * 1000L, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    /** Commits offsets for a group that has no members (as a consumer that assigned itself the partitions). */
    void commit(String group, String topic, Map<Integer, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        offsets.forEach((p, o) -> commits.put(new TopicPartition(topic, p), new OffsetAndMetadata(o)));
        try (KafkaConsumer<String, String> consumer = consumer(group, "tools-test")) {
            consumer.assign(commits.keySet());
            consumer.commitSync(commits, Duration.ofSeconds(WAIT_SECONDS));
        }
    }

    /** The group's committed offset of each partition of the topic that has one. */
    Map<Integer, Long> committed(String group, String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(WAIT_SECONDS, TimeUnit.SECONDS);
            Map<Integer, Long> result = new HashMap<>();
            offsets.forEach((tp, o) -> {
                if (tp.topic().equals(topic) && o != null) {
                    result.put(tp.partition(), o.offset());
                }
            });
            return result;
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new AssertionError("cannot list the offsets of " + group, e);
        }
    }

    /** A consumer subscribed to the topic that has joined its group and been assigned partitions; close it to leave. */
    KafkaConsumer<String, String> activeMember(String group, String clientId, String topic) {
        KafkaConsumer<String, String> consumer = consumer(group, clientId);
        consumer.subscribe(List.of(topic));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (consumer.assignment().isEmpty()) {
            if (System.nanoTime() > deadline) {
                consumer.close();
                throw new AssertionError(clientId + " was assigned nothing");
            }
            consumer.poll(Duration.ofMillis(200));
        }
        consumer.commitSync(Duration.ofSeconds(WAIT_SECONDS));
        return consumer;
    }

    /** The partition's replicas, leader first when it leads. */
    List<Integer> replicas(String topic, int partition) {
        try (Admin admin = admin()) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(WAIT_SECONDS, TimeUnit.SECONDS).get(topic);
            List<Integer> ids = new ArrayList<>();
            d.partitions().get(partition).replicas().forEach(n -> ids.add(n.id()));
            return ids;
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new AssertionError("cannot describe " + topic, e);
        }
    }

    /** The partition's leader, or -1 without one. */
    int leader(String topic, int partition) {
        try (Admin admin = admin()) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(WAIT_SECONDS, TimeUnit.SECONDS).get(topic);
            Node leader = d.partitions().get(partition).leader();
            return leader == null ? -1 : leader.id();
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new AssertionError("cannot describe " + topic, e);
        }
    }

    Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(p);
    }

    private KafkaConsumer<String, String> consumer(String group, String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
