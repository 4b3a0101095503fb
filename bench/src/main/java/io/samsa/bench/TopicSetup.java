package io.samsa.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Creates the workloads' topics with Kafka's admin client before any workload runs, and waits
 * until every partition has a leader, so neither topic creation nor leader election falls inside a
 * measurement. Stateless.
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** Creates each distinct topic of {@code workloads} with its partitions, replication factor and configs. */
    public static void create(String bootstrapServers, List<Workload> workloads, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<String, Integer> topics = new LinkedHashMap<>();
        Map<String, NewTopic> newTopics = new LinkedHashMap<>();
        for (Workload w : workloads) {
            topics.putIfAbsent(w.topic(), w.partitions());
            newTopics.putIfAbsent(w.topic(), new NewTopic(w.topic(), w.partitions(), (short) w.replicationFactor())
                    .configs(w.topicConfigs()));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "samsa-bench-setup");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(newTopics.values()).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            while (!allLed(admin, topics)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("topics " + topics.keySet() + " have no leader after " + timeout);
                }
                LockSupport.parkNanos(50_000_000L);
            }
        }
    }

    private static boolean allLed(Admin admin, Map<String, Integer> topics) throws InterruptedException {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics.keySet()).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            for (Map.Entry<String, Integer> e : topics.entrySet()) {
                TopicDescription d = described.get(e.getKey());
                if (d == null || d.partitions().size() != e.getValue()) {
                    return false;
                }
                for (TopicPartitionInfo p : d.partitions()) {
                    // Led, and every replica in sync, so no catching up falls inside a measurement.
                    if (p.leader() == null || p.leader().isEmpty() || p.isr().size() != p.replicas().size()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
