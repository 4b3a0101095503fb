package io.samsa.clients.producer.internals;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerMetricsTest {

    private static double value(Map<MetricName, Metric> metrics, String name) {
        return metrics.entrySet().stream().filter(e -> e.getKey().name().equals(name)).findFirst()
                .map(e -> ((Number) e.getValue().metricValue()).doubleValue()).orElseThrow();
    }

    @Test
    void kafkasProducerMetricNamesWithTheirValues() {
        ProducerMetrics m = new ProducerMetrics("p1");
        m.recordsPerRequest.record(100);
        m.recordsPerRequest.record(50);
        m.batchSize.record(1000);
        m.batchSize.record(3000);
        m.requestLatency.record(4);
        m.requestLatency.record(8);
        Map<MetricName, Metric> metrics = m.set().metrics();
        Set<String> names = new TreeSet<>();
        metrics.keySet().forEach(n -> {
            names.add(n.name());
            assertEquals("producer-metrics", n.group());
            assertEquals(Map.of("client-id", "p1"), n.tags());
        });
        assertTrue(names.containsAll(Set.of("record-send-rate", "record-send-total", "record-error-rate", "record-error-total",
                "record-retry-rate", "record-retry-total", "batch-size-avg", "batch-size-max", "compression-rate-avg",
                "records-per-request-avg", "request-rate", "request-total", "request-latency-avg", "request-latency-max")), names::toString);
        assertEquals(150, value(metrics, "record-send-total"));
        assertEquals(2000, value(metrics, "batch-size-avg"));
        assertEquals(3000, value(metrics, "batch-size-max"));
        assertEquals(2, value(metrics, "request-total"));
        assertEquals(75, value(metrics, "records-per-request-avg"));
        assertEquals(6, value(metrics, "request-latency-avg"));
        assertTrue(value(metrics, "record-send-rate") > 0);
    }
}
