package io.samsa.systest.samsaclient;

import io.samsa.systest.harness.BrokerKind;
import io.samsa.systest.harness.BrokerUnderTest;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One deployment (Samsa or Kafka 3.9.1, one or three brokers) for a run of the Samsa client suite,
 * with the kafka-clients tools the suite uses as an independent witness: an Admin to create topics
 * and a consumer to read back what Samsa's producer wrote. Not thread-safe.
 */
final class ClientSuiteDeployment implements AutoCloseable {

    /**
     * A base for the record timestamps the suite sets explicitly: an hour ago. Older timestamps (a
     * fixed date) put the records past the default 7-day retention, and whichever broker runs its
     * retention check mid-suite deletes them, active segment included, as Kafka does.
     */
    static final long RECENT_TIMESTAMP = System.currentTimeMillis() - 3_600_000L;

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final BrokerUnderTest broker;
    final int brokers;
    private final Admin kafkaAdmin;

    ClientSuiteDeployment(BrokerKind kind, int brokers, String name) {
        this.broker = BrokerUnderTest.start(kind, name, brokers);
        this.brokers = brokers;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        this.kafkaAdmin = Admin.create(p);
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    short replicationFactor() {
        return (short) Math.min(3, brokers);
    }

    /** Creates a topic with kafka-clients' Admin and waits for its leaders. */
    void createTopic(String topic, int partitions) {
        createTopic(topic, partitions, Map.of());
    }

    void createTopic(String topic, int partitions, Map<String, String> configs) {
        try {
            kafkaAdmin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor()).configs(configs))).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create " + topic, e);
        }
        Wait.until("leaders of " + topic, TIMEOUT, () -> {
            try {
                TopicDescription d = kafkaAdmin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                return d.partitions().size() == partitions
                        && d.partitions().stream().map(TopicPartitionInfo::leader).allMatch(l -> l != null && !l.isEmpty());
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Reads {@code count} records of a topic from the beginning with kafka-clients' consumer. */
    List<ConsumerRecord<byte[], byte[]>> readWithKafkaConsumer(String topic, int partitions, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                tps.add(new TopicPartition(topic, i));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Wait.until(count + " records from " + topic, TIMEOUT, () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= count;
            });
        }
        return out;
    }

    @Override
    public void close() {
        kafkaAdmin.close();
        broker.close();
    }
}
