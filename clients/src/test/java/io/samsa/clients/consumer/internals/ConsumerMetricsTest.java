package io.samsa.clients.consumer.internals;

import io.samsa.common.MetricName;
import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poll loop's {@code consumer-metrics}, and which metrics a consumer with and without a group has. */
class ConsumerMetricsTest {

    private final MockTime time = new MockTime();

    private static double metric(ConsumerMetrics metrics, String name) {
        return (Double) ScriptedSender.metric(metrics, "consumer-metrics", name, "c1");
    }

    @Test
    void pollTimingIsKafkas() {
        ConsumerMetrics metrics = new ConsumerMetrics("c1", false, time, () -> 0);
        assertEquals(-1.0, metric(metrics, "last-poll-seconds-ago"), "never polled");
        metrics.recordPollStart(time.milliseconds());
        time.advance(100);
        metrics.recordPollEnd(time.milliseconds());
        assertEquals(1.0, metric(metrics, "poll-idle-ratio-avg"), "a first poll is all idle: nothing ran between polls");
        time.advance(900);
        metrics.recordPollStart(time.milliseconds());
        time.advance(300);
        metrics.recordPollEnd(time.milliseconds());
        time.advance(2_500);
        assertEquals(2.0, metric(metrics, "last-poll-seconds-ago"), "2.8 s since the last poll started");
        assertEquals(500.0, metric(metrics, "time-between-poll-avg"), "0 before the first poll, then 1000 ms");
        assertEquals(1000.0, metric(metrics, "time-between-poll-max"));
        assertEquals((1.0 + 300 / 1300.0) / 2, metric(metrics, "poll-idle-ratio-avg"), 1e-9);
    }

    @Test
    void aFirstPollThatTookNoTimeDoesNotPoisonTheIdleRatio() {
        ConsumerMetrics metrics = new ConsumerMetrics("c1", false, time, () -> 0);
        metrics.recordPollStart(time.milliseconds());
        metrics.recordPollEnd(time.milliseconds());
        assertTrue(Double.isNaN(metric(metrics, "poll-idle-ratio-avg")), "nothing recorded (Kafka records 0/0)");
        time.advance(100);
        metrics.recordPollStart(time.milliseconds());
        time.advance(100);
        metrics.recordPollEnd(time.milliseconds());
        assertEquals(0.5, metric(metrics, "poll-idle-ratio-avg"));
    }

    private static Set<String> names(ConsumerMetrics metrics) {
        Set<String> out = new TreeSet<>();
        for (MetricName n : metrics.metrics().keySet()) {
            out.add(n.group() + ":" + n.name());
        }
        return out;
    }

    @Test
    void theCoordinatorGroupIsThereOnlyWithAGroup() {
        Set<String> fetchAndPoll = Set.of(
                "consumer-fetch-manager-metrics:bytes-consumed-rate", "consumer-fetch-manager-metrics:bytes-consumed-total",
                "consumer-fetch-manager-metrics:fetch-latency-avg", "consumer-fetch-manager-metrics:fetch-latency-max",
                "consumer-fetch-manager-metrics:fetch-rate", "consumer-fetch-manager-metrics:fetch-size-avg",
                "consumer-fetch-manager-metrics:fetch-size-max", "consumer-fetch-manager-metrics:fetch-total",
                "consumer-fetch-manager-metrics:records-consumed-rate", "consumer-fetch-manager-metrics:records-consumed-total",
                "consumer-fetch-manager-metrics:records-lag-max", "consumer-fetch-manager-metrics:records-lead-min",
                "consumer-fetch-manager-metrics:records-per-request-avg",
                "consumer-metrics:last-poll-seconds-ago", "consumer-metrics:poll-idle-ratio-avg",
                "consumer-metrics:time-between-poll-avg", "consumer-metrics:time-between-poll-max");
        assertEquals(new TreeSet<>(fetchAndPoll), names(new ConsumerMetrics("c1", false, time, () -> 0)));
        Set<String> withGroup = new TreeSet<>(fetchAndPoll);
        withGroup.addAll(Set.of("consumer-coordinator-metrics:assigned-partitions",
                "consumer-coordinator-metrics:commit-latency-avg", "consumer-coordinator-metrics:commit-latency-max",
                "consumer-coordinator-metrics:commit-rate", "consumer-coordinator-metrics:commit-total",
                "consumer-coordinator-metrics:heartbeat-rate", "consumer-coordinator-metrics:heartbeat-response-time-max",
                "consumer-coordinator-metrics:heartbeat-total", "consumer-coordinator-metrics:last-rebalance-seconds-ago",
                "consumer-coordinator-metrics:rebalance-latency-avg", "consumer-coordinator-metrics:rebalance-latency-max",
                "consumer-coordinator-metrics:rebalance-latency-total", "consumer-coordinator-metrics:rebalance-total"));
        assertEquals(withGroup, names(new ConsumerMetrics("c1", true, time, () -> 0)));
    }

    private static Object partitionMetric(ConsumerMetrics metrics, String topic, int partition, String name) {
        for (var e : metrics.metrics().entrySet()) {
            MetricName n = e.getKey();
            if (n.group().equals("consumer-fetch-manager-metrics") && n.name().equals(name)
                    && topic.equals(n.tags().get("topic")) && Integer.toString(partition).equals(n.tags().get("partition"))) {
                assertEquals(List.of("client-id", "topic", "partition"), List.copyOf(n.tags().keySet()), "Kafka's tag order");
                return e.getValue().metricValue();
            }
        }
        return null;
    }

    @Test
    void eachPartitionHasItsLagAndLeadUntilItIsNoLongerAssigned() {
        ConsumerMetrics metrics = new ConsumerMetrics("c1", false, time, () -> 0);
        TopicPartition a = new TopicPartition("my.topic", 0);
        TopicPartition b = new TopicPartition("other", 3);
        assertNull(partitionMetric(metrics, "my_topic", 0, "records-lag"), "no metrics before a poll returned from it");
        metrics.recordPosition(a, 40, 10);
        metrics.recordPosition(a, 20, 30);
        metrics.recordPosition(b, 5, Long.MIN_VALUE);
        assertEquals(20.0, partitionMetric(metrics, "my_topic", 0, "records-lag"), "the latest; dots become underscores");
        assertEquals(40.0, partitionMetric(metrics, "my_topic", 0, "records-lag-max"));
        assertEquals(30.0, partitionMetric(metrics, "my_topic", 0, "records-lag-avg"));
        assertEquals(30.0, partitionMetric(metrics, "my_topic", 0, "records-lead"));
        assertEquals(10.0, partitionMetric(metrics, "my_topic", 0, "records-lead-min"));
        assertEquals(5.0, partitionMetric(metrics, "other", 3, "records-lag"));
        assertEquals(40.0, ScriptedSender.metric(metrics, "consumer-fetch-manager-metrics", "records-lag-max", "c1"),
                "the client's maximum is over every partition");
        assertEquals(10.0, ScriptedSender.metric(metrics, "consumer-fetch-manager-metrics", "records-lead-min", "c1"));
        metrics.retainPartitions(Set.of(b));
        assertNull(partitionMetric(metrics, "my_topic", 0, "records-lag"), "unassigned: its metrics are gone");
        assertEquals(5.0, partitionMetric(metrics, "other", 3, "records-lag"));
    }
}
