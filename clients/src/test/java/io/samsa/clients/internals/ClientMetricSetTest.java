package io.samsa.clients.internals;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.MockTime;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The windowed stats read as Kafka's do: two 30 s samples, rates over at least one full window. */
class ClientMetricSetTest {

    private final MockTime time = new MockTime();
    private final ClientMetricSet set = new ClientMetricSet("g", "c", time);
    private final ClientMetricSet.Sensor sensor = set.sensor()
            .avg("x-avg", "").max("x-max", "").rate("x-rate", "").countRate("x-count-rate", "")
            .total("x-total", "").count("x-count", "");

    private double value(String name) {
        for (Map.Entry<MetricName, Metric> e : set.metrics().entrySet()) {
            if (e.getKey().name().equals(name)) {
                assertEquals(Map.of("client-id", "c"), e.getKey().tags());
                assertEquals("g", e.getKey().group());
                return (Double) e.getValue().metricValue();
            }
        }
        throw new AssertionError("no metric " + name);
    }

    @Test
    void anUnusedSensorReadsAsKafkasDo() {
        assertTrue(Double.isNaN(value("x-avg")));
        assertTrue(Double.isNaN(value("x-max")));
        assertEquals(0.0, value("x-rate"));
        assertEquals(0.0, value("x-total"));
        assertEquals(0.0, value("x-count"));
    }

    @Test
    void aYoungSensorsRateCountsAWholeWindowSoABurstDoesNotReadAsAFlood() {
        for (int i = 0; i < 60; i++) {
            sensor.record(2);
        }
        time.advance(10_000);
        assertEquals(120 / 40.0, value("x-rate"), 1e-9, "10 s elapsed, counted as 10 s + one 30 s window");
        assertEquals(60 / 40.0, value("x-count-rate"), 1e-9);
        time.advance(30_000);
        assertEquals(120 / 40.0, value("x-rate"), 1e-9, "40 s elapsed: a full window, no padding");
        time.advance(21_000);
        assertEquals(0.0, value("x-rate"), "no event for two windows: the sample is dropped");
        assertEquals(120.0, value("x-total"), "totals are for the client's life");
        assertEquals(60.0, value("x-count"));
    }

    @Test
    void averagesAndMaximaForgetSamplesOlderThanTheWindow() {
        sensor.record(10);
        time.advance(31_000);
        sensor.record(30);
        assertEquals(20.0, value("x-avg"));
        assertEquals(30.0, value("x-max"));
        time.advance(30_000);
        assertEquals(30.0, value("x-avg"), "the first sample saw no event for 61 s");
        assertEquals(30.0, value("x-max"));
        time.advance(31_000);
        assertTrue(Double.isNaN(value("x-avg")));
        assertTrue(Double.isNaN(value("x-max")));
        sensor.record(5);
        assertEquals(5.0, value("x-avg"));
        assertEquals(45.0, value("x-total"));
    }

    @Test
    void samplesAreReusedInARing() {
        // Four samples' worth of events 30 s apart: only the last two (and the overlapping one) count.
        for (int i = 1; i <= 4; i++) {
            if (i > 1) {
                time.advance(30_000);
            }
            sensor.record(i * 10);
        }
        time.advance(1);
        assertEquals(40.0, value("x-max"));
        assertEquals((30 + 40) / 2.0, value("x-avg"), "the 20 was recorded 60 s ago and its sample is dropped");
    }
}
