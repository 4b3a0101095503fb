package io.samsa.core.coordinator.group;

import io.samsa.core.test.SamsaCluster;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Groups spread over the coordinators of a three-broker cluster: each group is served by the
 * leader of its {@code __consumer_offsets} partition, a restarted coordinator reloads its groups'
 * offsets, and deleting a topic removes every group's offsets for it, whichever broker coordinates.
 */
@Tag("integration")
@Timeout(180)
class MultiBrokerGroupIntegrationTest {

    private static final int OFFSETS_PARTITIONS = 6;
    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(3, Map.of(                 "group.initial.rebalance.delay.ms", "0",                 "offsets.topic.num.partitions", Integer.toString(OFFSETS_PARTITIONS)));

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        return Admin.create(p);
    }

    /** A group id for each offsets partition, so that every broker coordinates some. */
    private static Map<Integer, String> groupPerPartition(String prefix) {
        Map<Integer, String> groups = new HashMap<>();
        for (int i = 0; groups.size() < OFFSETS_PARTITIONS; i++) {
            String g = prefix + i;
            groups.putIfAbsent(OffsetsTopic.partitionFor(g, OFFSETS_PARTITIONS), g);
        }
        return groups;
    }

    @Test
    void everyCoordinatorServesItsGroupsAndReloadsThemAfterARestart() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("spread", 1, (short) 1))).all().get();
        }
        cluster.waitForTopic("spread", 1);
        TopicPartition tp = new TopicPartition("spread", 0);
        Map<Integer, String> groups = groupPerPartition("spread-");
        Map<String, Integer> coordinators = new HashMap<>();
        for (String group : groups.values()) {
            try (KafkaConsumer<String, String> c = consumer(group)) {
                c.assign(List.of(tp));
                c.commitSync(Map.of(tp, new OffsetAndMetadata(group.length())));
            }
            try (Admin admin = admin()) {
                coordinators.put(group, admin.describeConsumerGroups(List.of(group)).all().get().get(group).coordinator().id());
            }
        }
        assertEquals(Set.of(0, 1, 2), Set.copyOf(coordinators.values()), "groups spread over all brokers: " + coordinators);

        String moved = groups.get(0);
        int coordinator = coordinators.get(moved);
        cluster.stopBroker(coordinator);
        cluster.startBroker(coordinator);
        cluster.waitForBrokersInMetadata();
        for (String group : groups.values()) {
            assertEquals(group.length(), committed(group, tp), "offset of " + group);
        }
    }

    @Test
    void deletingATopicRemovesEveryGroupsOffsetsForIt() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("doomed", 1, (short) 1), new NewTopic("kept", 1, (short) 1))).all().get();
        }
        cluster.waitForTopic("doomed", 1);
        cluster.waitForTopic("kept", 1);
        TopicPartition doomed = new TopicPartition("doomed", 0);
        TopicPartition kept = new TopicPartition("kept", 0);
        Map<Integer, String> groups = groupPerPartition("deleted-topic-");
        String both = groups.get(0);
        for (String group : groups.values()) {
            try (KafkaConsumer<String, String> c = consumer(group)) {
                c.assign(group.equals(both) ? List.of(doomed, kept) : List.of(doomed));
                c.commitSync(group.equals(both)
                        ? Map.of(doomed, new OffsetAndMetadata(1), kept, new OffsetAndMetadata(7))
                        : Map.of(doomed, new OffsetAndMetadata(1)));
            }
        }
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of("doomed")).all().get();
        }
        for (String group : groups.values()) {
            Map<TopicPartition, OffsetAndMetadata> expected = group.equals(both) ? Map.of(kept, new OffsetAndMetadata(7)) : Map.of();
            Wait.until("only the kept offsets of " + group, Duration.ofSeconds(60), () -> {
                try (Admin admin = admin()) {
                    return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().equals(expected);
                } catch (Exception e) {
                    return false;
                }
            });
            try (Admin admin = admin()) {
                ConsumerGroupState state = admin.describeConsumerGroups(List.of(group)).all().get().get(group).state();
                assertEquals(group.equals(both) ? ConsumerGroupState.EMPTY : ConsumerGroupState.DEAD, state,
                        "a group left without offsets is gone: " + group);
            }
        }

        // The topic made again under the same name is read from its start, not from the old position 1.
        try (Admin admin = admin()) {
            Wait.until("the old topic to be gone", Duration.ofSeconds(60), () -> {
                try {
                    admin.createTopics(List.of(new NewTopic("doomed", 1, (short) 1))).all().get();
                    return true;
                } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                    return false;
                }
            });
        }
        cluster.waitForTopic("doomed", 1);
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("doomed", "n" + i)).get();
            }
        }
        String reader = groups.get(1);
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> c = consumer(reader)) {
            c.subscribe(List.of("doomed"));
            Wait.until("three records", Duration.ofSeconds(60), () -> {
                c.poll(Duration.ofMillis(100)).forEach(r -> read.add(r.value()));
                return read.size() >= 3;
            });
        }
        assertEquals(List.of("n0", "n1", "n2"), read);
    }

    private static long committed(String group, TopicPartition tp) {
        AtomicReference<Long> offset = new AtomicReference<>();
        Wait.until("the committed offset of " + group, Duration.ofSeconds(60), () -> {
            try (Admin admin = admin()) {
                OffsetAndMetadata o = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(tp);
                if (o == null) {
                    return false;
                }
                offset.set(o.offset());
                return true;
            } catch (Exception e) {
                return false;
            }
        });
        return offset.get();
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
