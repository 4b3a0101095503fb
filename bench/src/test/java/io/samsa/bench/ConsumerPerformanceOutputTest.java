package io.samsa.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerPerformanceOutputTest {

    @Test
    void readsColumnsByName() throws Exception {
        ConsumerPerformanceOutput c = ConsumerPerformanceOutput.parse(PerfOutputs.read("consumer-performance.txt"));
        assertEquals(3_000_000L, c.records());
        assertEquals(286.1023, c.megabytes(), 1e-9);
        assertEquals(175.6306, c.totalMbPerSec(), 1e-9);
        assertEquals(1841620.6262, c.totalRecordsPerSec(), 1e-9);
        assertEquals(296, c.rebalanceMs(), 1e-9);
        assertEquals(1333, c.fetchMs(), 1e-9);
        assertEquals(214.6304, c.fetchMbPerSec(), 1e-9);
        assertEquals(2250562.6407, c.fetchRecordsPerSec(), 1e-9);
        assertFalse(c.stoppedEarly());
    }

    @Test
    void headlineThroughputLeavesTheGroupJoinOut() throws Exception {
        Map<Metric, Double> f = ConsumerPerformanceOutput.parse(PerfOutputs.read("consumer-performance.txt")).figures();
        assertEquals(2250562.6407, f.get(Metric.RECORDS_PER_SEC), 1e-9);
        assertEquals(214.6304, f.get(Metric.MB_PER_SEC), 1e-9);
        assertEquals(296, f.get(Metric.GROUP_JOIN_MS), 1e-9);
    }

    @Test
    void noticesTheToolGivingUpEarly() throws Exception {
        ConsumerPerformanceOutput c = ConsumerPerformanceOutput.parse(PerfOutputs.read("consumer-performance-timeout.txt"));
        assertTrue(c.stoppedEarly());
        assertEquals(300_000L, c.records());
    }

    @Test
    void headerWithoutValuesIsAnError() {
        String headerOnly = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, "
                + "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n";
        assertThrows(ToolOutputException.class, () -> ConsumerPerformanceOutput.parse(headerOnly));
        assertThrows(ToolOutputException.class, () -> ConsumerPerformanceOutput.parse("Exception in thread main\n"));
    }

    @Test
    void aMissingColumnIsNamed() {
        String odd = "start.time, end.time, MB.sec\n2026-11-22 13:21:24:200, 2026-11-22 13:21:25:829, 1.0\n";
        ToolOutputException e = assertThrows(ToolOutputException.class, () -> ConsumerPerformanceOutput.parse(odd));
        assertTrue(e.getMessage().contains("data.consumed.in.nMsg"), e.getMessage());
    }
}
