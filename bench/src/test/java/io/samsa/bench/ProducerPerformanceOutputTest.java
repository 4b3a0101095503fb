package io.samsa.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerPerformanceOutputTest {

    @Test
    void parsesTheFinalSummaryAndIgnoresProgressLines() throws Exception {
        ProducerPerformanceOutput p = ProducerPerformanceOutput.parse(PerfOutputs.read("producer-performance-w1.txt"));
        assertEquals(3_000_000L, p.records());
        assertEquals(206967.919972, p.recordsPerSec(), 1e-9);
        assertEquals(19.74, p.mbPerSec(), 1e-9);
        assertEquals(1259.61, p.avgLatencyMs(), 1e-9);
        assertEquals(2330.0, p.maxLatencyMs(), 1e-9);
        assertEquals(1260, p.p50Ms(), 1e-9);
        assertEquals(2037, p.p95Ms(), 1e-9);
        assertEquals(2271, p.p99Ms(), 1e-9);
        assertEquals(2326, p.p999Ms(), 1e-9);
    }

    @Test
    void mapsFiguresToMetrics() throws Exception {
        Map<Metric, Double> f = ProducerPerformanceOutput.parse(PerfOutputs.read("producer-performance-w2.txt")).figures();
        assertEquals(60562.015504, f.get(Metric.RECORDS_PER_SEC), 1e-9);
        assertEquals(59.14, f.get(Metric.MB_PER_SEC), 1e-9);
        assertEquals(374.42, f.get(Metric.LATENCY_AVG_MS), 1e-9);
        assertEquals(354, f.get(Metric.LATENCY_P50_MS), 1e-9);
        assertEquals(866, f.get(Metric.LATENCY_P99_MS), 1e-9);
        assertEquals(931, f.get(Metric.LATENCY_P999_MS), 1e-9);
        assertEquals(947, f.get(Metric.LATENCY_MAX_MS), 1e-9);
    }

    @Test
    void samsasProducerToolPrintsWhatThisParserReads() throws Exception {
        // Captured from io.samsa.tools.ProducerPerformance (Samsa's producer) running W2 against a Samsa broker.
        ProducerPerformanceOutput p = ProducerPerformanceOutput.parse(PerfOutputs.read("samsa-producer-performance-w2.txt"));
        assertEquals(1_000_000L, p.records());
        assertEquals(145921.494236, p.recordsPerSec(), 1e-9);
        assertEquals(142.50, p.mbPerSec(), 1e-9);
        assertEquals(145.80, p.avgLatencyMs(), 1e-9);
        assertEquals(466.0, p.maxLatencyMs(), 1e-9);
        assertEquals(146, p.p50Ms(), 1e-9);
        assertEquals(317, p.p95Ms(), 1e-9);
        assertEquals(382, p.p99Ms(), 1e-9);
        assertEquals(459, p.p999Ms(), 1e-9);
    }

    @Test
    void progressLinesAloneAreNotASummary() {
        String progress = "140983 records sent, 27972.8 records/sec (27.32 MB/sec), 525.1 ms avg latency, 915.0 ms max latency.\n";
        ToolOutputException e = assertThrows(ToolOutputException.class, () -> ProducerPerformanceOutput.parse(progress));
        assertTrue(e.getMessage().contains("no final summary"), e.getMessage());
    }

    @Test
    void aRunWithNoAcknowledgedRecordStillParses() throws Exception {
        String none = "0 records sent, 0.000000 records/sec (0.00 MB/sec), NaN ms avg latency, "
                + "0.00 ms max latency, 0 ms 50th, 0 ms 95th, 0 ms 99th, 0 ms 99.9th.\n";
        ProducerPerformanceOutput p = ProducerPerformanceOutput.parse(none);
        assertEquals(0, p.records());
        assertTrue(Double.isNaN(p.avgLatencyMs()));
    }
}
