package io.samsa.systest.clients;

import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Creates topics through kafka-clients' Admin, replicated to all three brokers as a user of a
 * three-broker cluster would, and waits until every partition has a leader, so a test that produces
 * right afterwards does not depend on how fast metadata propagates. Stateless.
 */
final class Topics {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final short REPLICATION_FACTOR = 3;

    private Topics() {
    }

    static void create(Admin admin, String topic, int partitions) {
        create(admin, topic, partitions, Map.of());
    }

    static void create(Admin admin, String topic, int partitions, Map<String, String> configs) {
        get(admin.createTopics(List.of(new NewTopic(topic, partitions, REPLICATION_FACTOR).configs(configs))).all());
        awaitLeaders(admin, topic, partitions);
    }

    static void awaitLeaders(Admin admin, String topic, int partitions) {
        Wait.until("leaders of all " + partitions + " partitions of " + topic, TIMEOUT, () -> {
            TopicDescription d = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
            if (d == null || d.partitions().size() != partitions) {
                return false;
            }
            for (TopicPartitionInfo p : d.partitions()) {
                if (p.leader() == null || p.leader().isEmpty()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The future's value; its failure cause as a RuntimeException (so Wait can retry on it). */
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
