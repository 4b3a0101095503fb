package io.samsa.systest.cluster;

import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Who leads each partition of a topic, as kafka-clients' Admin describeTopics reports it: a map
 * partition → leader broker id, with {@link #NONE} for a partition that has no leader (offline).
 * Also creates RF=1 topics and waits until they have leaders. Stateless.
 */
final class Leaders {

    /** A partition whose leader is offline. */
    static final int NONE = -1;

    private Leaders() {
    }

    static Map<Integer, Integer> of(Admin admin, String topic) {
        TopicDescription d = ClusterClients.get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        Map<Integer, Integer> leaders = new TreeMap<>();
        for (TopicPartitionInfo p : d.partitions()) {
            leaders.put(p.partition(), p.leader() == null || p.leader().isEmpty() ? NONE : p.leader().id());
        }
        return leaders;
    }

    /** Polls describeTopics until the leader map satisfies {@code condition}; returns that map. */
    static Map<Integer, Integer> await(Admin admin, String topic, String what, Duration timeout,
            Predicate<Map<Integer, Integer>> condition) {
        @SuppressWarnings("unchecked")
        Map<Integer, Integer>[] last = new Map[1];
        try {
            Wait.until(what, timeout, () -> {
                last[0] = of(admin, topic);
                return condition.test(last[0]);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last leaders of " + topic + ": " + last[0], e);
        }
        return last[0];
    }

    static Map<Integer, Integer> awaitAllLed(Admin admin, String topic, int partitions, Duration timeout) {
        return await(admin, topic, "a leader for each of the " + partitions + " partitions of " + topic, timeout,
                m -> m.size() == partitions && !m.containsValue(NONE));
    }

    /** Creates a replication-factor-1 topic and waits until every partition has a leader. */
    static Map<Integer, Integer> createTopic(Admin admin, String topic, int partitions) {
        ClusterClients.get(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all());
        return awaitAllLed(admin, topic, partitions, Duration.ofSeconds(30));
    }
}
