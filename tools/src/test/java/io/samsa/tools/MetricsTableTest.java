package io.samsa.tools;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsTableTest {

    @Test
    void sortedPaddedAndDoublesWithThreeDecimals() {
        Map<MetricName, Metric> metrics = new LinkedHashMap<>();
        add(metrics, "records-lag-max", "consumer-fetch-manager-metrics", 12.34567);
        add(metrics, "version", "app-info", "0.1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MetricsTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), metrics);
        assertEquals("\n"
                + "Metric Name                                         Value\n"
                + "app-info:version:{}                               : 0.1.0\n"
                + "consumer-fetch-manager-metrics:records-lag-max:{} : 12.346\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void noMetricsPrintNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MetricsTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of());
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    private static void add(Map<MetricName, Metric> metrics, String name, String group, Object value) {
        MetricName n = new MetricName(name, group, "", Map.of());
        metrics.put(n, new Metric() {
            @Override
            public MetricName metricName() {
                return n;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }
}
