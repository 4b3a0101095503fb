package io.samsa.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EndToEndLatencyOutputTest {

    @Test
    void parsesAverageAndPercentiles() throws Exception {
        EndToEndLatencyOutput e = EndToEndLatencyOutput.parse(PerfOutputs.read("end-to-end-latency.txt"));
        assertEquals(0.9238, e.avgMs(), 1e-9);
        assertEquals(0, e.p50Ms(), 1e-9);
        assertEquals(6, e.p99Ms(), 1e-9);
        assertEquals(14, e.p999Ms(), 1e-9);
        Map<Metric, Double> f = e.figures();
        assertEquals(0.9238, f.get(Metric.LATENCY_AVG_MS), 1e-9);
        assertEquals(14, f.get(Metric.LATENCY_P999_MS), 1e-9);
        assertEquals(4, f.size());
    }

    @Test
    void sampleLinesWithoutSummaryAreAnError() {
        assertThrows(ToolOutputException.class, () -> EndToEndLatencyOutput.parse("0\t59.03\n1000\t1.10\n"));
        assertThrows(ToolOutputException.class, () -> EndToEndLatencyOutput.parse("Avg latency: 0.9 ms\n"));
    }
}
