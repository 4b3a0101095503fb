package io.samsa.clients.consumer;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import io.samsa.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** metrics() of a consumer whose broker never answers, polled on a mock clock. */
class SamsaConsumerMetricsTest {

    private static Object metric(Consumer<?, ?> consumer, String group, String name) {
        for (Map.Entry<MetricName, ? extends Metric> e : consumer.metrics().entrySet()) {
            if (e.getKey().group().equals(group) && e.getKey().name().equals(name)) {
                assertEquals(Map.of("client-id", "metrics-test"), e.getKey().tags());
                return e.getValue().metricValue();
            }
        }
        throw new AssertionError("no metric " + group + ":" + name);
    }

    @Test
    void pollsAreTimedAndTheGroupIsReported() {
        MockTime time = new MockTime();
        Map<String, Object> props = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ConsumerConfig.CLIENT_ID_CONFIG, "metrics-test", ConsumerConfig.GROUP_ID_CONFIG, "g"));
        SamsaConsumer<String, String> consumer = new SamsaConsumer<>(new ConsumerConfig(
                ConsumerConfig.appendDeserializers(props, new StringDeserializer(), new StringDeserializer())),
                new StringDeserializer(), new StringDeserializer(), time);
        try {
            assertEquals(-1.0, metric(consumer, "consumer-metrics", "last-poll-seconds-ago"));
            consumer.assign(List.of(new TopicPartition("t", 0), new TopicPartition("t", 1)));
            consumer.poll(Duration.ZERO);
            time.advance(2_000);
            consumer.poll(Duration.ZERO);
            time.advance(3_500);
            assertEquals(3.0, metric(consumer, "consumer-metrics", "last-poll-seconds-ago"));
            assertEquals(1_000.0, metric(consumer, "consumer-metrics", "time-between-poll-avg"));
            assertEquals(2_000.0, metric(consumer, "consumer-metrics", "time-between-poll-max"));
            assertEquals(0.0, metric(consumer, "consumer-metrics", "poll-idle-ratio-avg"),
                    "the polls took no time on the mock clock");
            assertEquals(2.0, metric(consumer, "consumer-coordinator-metrics", "assigned-partitions"));
            assertEquals(0.0, metric(consumer, "consumer-fetch-manager-metrics", "records-consumed-total"));
        } finally {
            consumer.close(Duration.ZERO);
        }
    }
}
