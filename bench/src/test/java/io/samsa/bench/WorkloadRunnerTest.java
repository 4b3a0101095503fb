package io.samsa.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a perf tool's run is judged: the figures it printed, or why the workload failed. */
class WorkloadRunnerTest {

    private static final List<Workload> FULL = Workloads.standard(false);
    private static final Workload W1 = FULL.get(0);
    private static final Workload W3 = FULL.get(2);
    private static final Workload W4 = FULL.get(3);

    @Test
    void aCompleteProducerRunGivesItsFigures() {
        WorkloadRunner.Interpretation i = WorkloadRunner.interpret(W1,
                run(0, PerfOutputs.read("producer-performance-w1.txt"), ""), 240);
        assertNull(i.failure());
        assertEquals(206967.919972, i.figures().get(Metric.RECORDS_PER_SEC), 1e-9);
    }

    @Test
    void fewerAcknowledgedRecordsThanAskedIsAFailureWithTheFirstError() {
        String stdout = "1000 records sent, 10.0 records/sec (0.00 MB/sec), 5.00 ms avg latency, 9.00 ms max latency, "
                + "5 ms 50th, 9 ms 95th, 9 ms 99th, 9 ms 99.9th.\n";
        String stderr = "org.apache.kafka.common.errors.UnsupportedVersionException: The broker does not support INIT_PRODUCER_ID\n"
                + "\tat org.apache.kafka.clients.producer.internals.Sender.run(Sender.java:1)\n";
        WorkloadRunner.Interpretation i = WorkloadRunner.interpret(W1, run(0, stdout, stderr), 240);
        assertEquals("only 1000 of 3000000 records acknowledged; first error: "
                + "org.apache.kafka.common.errors.UnsupportedVersionException: The broker does not support INIT_PRODUCER_ID",
                i.failure());
    }

    @Test
    void aConsumerThatGaveUpEarlyFailedTheWorkload() {
        WorkloadRunner.Interpretation i = WorkloadRunner.interpret(W3,
                run(0, PerfOutputs.read("consumer-performance-timeout.txt"), ""), 240);
        assertTrue(i.failure().startsWith("consumed 300000 of 3000000 records before giving up; first error: "
                + "WARNING: Exiting before consuming"), i.failure());
    }

    @Test
    void aKilledToolFailedTheWorkload() {
        ToolRun killed = new ToolRun(-1, "", "12:00:01.000 WARN  NetworkClient - Connection refused\n", true, false, 240.2);
        WorkloadRunner.Interpretation i = WorkloadRunner.interpret(W4, killed, 240);
        assertEquals("killed after 240 s without finishing; last output: "
                + "12:00:01.000 WARN  NetworkClient - Connection refused", i.failure());
    }

    @Test
    void aNonZeroExitFailedTheWorkloadEvenWithASummary() {
        String stderr = "Exception in thread \"main\" java.lang.RuntimeException: poll timed out\n";
        WorkloadRunner.Interpretation i = WorkloadRunner.interpret(W4,
                run(1, PerfOutputs.read("end-to-end-latency.txt"), stderr), 240);
        assertEquals("exit code 1; first error: Exception in thread \"main\" java.lang.RuntimeException: poll timed out", i.failure());
    }

    @Test
    void missingSummaryIsAFailure() {
        WorkloadRunner.Interpretation i = WorkloadRunner.interpret(W4, run(0, "0\t59.03\n", ""), 240);
        assertEquals("EndToEndLatency printed no 'Avg latency' line; last output: 0\t59.03", i.failure());
    }

    @Test
    void samsasClientRunsGetTheirOwnFiles() {
        assertEquals("W1-samsa-rep2", WorkloadRunner.baseName(W1, BrokerKind.SAMSA, ClientKind.KAFKA, 2));
        assertEquals("W1-kafka-rep1-samsa-client", WorkloadRunner.baseName(W1, BrokerKind.KAFKA, ClientKind.SAMSA, 1));
    }

    private static ToolRun run(int exit, String stdout, String stderr) {
        return new ToolRun(exit, stdout, stderr, false, false, 12.5);
    }
}
