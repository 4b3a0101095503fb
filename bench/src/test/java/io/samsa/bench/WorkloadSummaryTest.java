package io.samsa.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.samsa.bench.BrokerKind.KAFKA;
import static io.samsa.bench.BrokerKind.SAMSA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WorkloadSummaryTest {

    private static final List<BrokerKind> BOTH = List.of(SAMSA, KAFKA);

    @Test
    void mediansPerBrokerAndTheirRatio() {
        List<RunResult> results = List.of(
                Results.ok("W1", SAMSA, 1, Metric.RECORDS_PER_SEC, 300, Metric.BROKER_CPU_S, 4),
                Results.ok("W1", KAFKA, 1, Metric.RECORDS_PER_SEC, 200, Metric.BROKER_CPU_S, 10),
                Results.ok("W1", KAFKA, 2, Metric.RECORDS_PER_SEC, 100, Metric.BROKER_CPU_S, 8),
                Results.ok("W1", SAMSA, 2, Metric.RECORDS_PER_SEC, 100, Metric.BROKER_CPU_S, 6),
                Results.ok("W1", SAMSA, 3, Metric.RECORDS_PER_SEC, 200, Metric.BROKER_CPU_S, 5),
                Results.ok("W1", KAFKA, 3, Metric.RECORDS_PER_SEC, 150, Metric.BROKER_CPU_S, 12),
                Results.ok("W2", SAMSA, 1, Metric.RECORDS_PER_SEC, 1));
        WorkloadSummary w1 = WorkloadSummary.of("W1", "t", BOTH, results);
        assertEquals(200.0, w1.broker(SAMSA).median(Metric.RECORDS_PER_SEC));
        assertEquals(150.0, w1.broker(KAFKA).median(Metric.RECORDS_PER_SEC));
        assertEquals(200.0 / 150.0, w1.ratio(Metric.RECORDS_PER_SEC), 1e-12);
        assertEquals(0.5, w1.ratio(Metric.BROKER_CPU_S), 1e-12);
        assertEquals(List.of(300.0, 100.0, 200.0), w1.broker(SAMSA).samples().get(Metric.RECORDS_PER_SEC));
        assertEquals(List.of(Metric.RECORDS_PER_SEC, Metric.BROKER_CPU_S), w1.metrics());
        assertEquals(BrokerSummary.Status.OK, w1.broker(SAMSA).status());
    }

    @Test
    void failedRunsCountButGiveNoFigures() {
        List<RunResult> results = List.of(
                Results.ok("W2", SAMSA, 1, Metric.RECORDS_PER_SEC, 50),
                RunResult.failed("W2", SAMSA, 2, "exit code 1: boom",
                        java.util.Map.of(Metric.RECORDS_PER_SEC, 1_000_000.0)),
                RunResult.failed("W2", KAFKA, 1, "x"),
                RunResult.failed("W2", KAFKA, 2, "x"));
        WorkloadSummary w = WorkloadSummary.of("W2", "t", BOTH, results);
        BrokerSummary samsa = w.broker(SAMSA);
        assertEquals(BrokerSummary.Status.PARTIAL, samsa.status());
        assertEquals(2, samsa.runs());
        assertEquals(1, samsa.succeeded());
        assertEquals(50.0, samsa.median(Metric.RECORDS_PER_SEC));
        assertEquals(List.of("exit code 1: boom"), samsa.failures());
        assertEquals(BrokerSummary.Status.FAILED, w.broker(KAFKA).status());
        assertEquals(List.of("x"), w.broker(KAFKA).failures());
        assertNull(w.ratio(Metric.RECORDS_PER_SEC));
    }

    @Test
    void aBrokerWithNoRunIsNotRun() {
        WorkloadSummary w = WorkloadSummary.of("W4", "t", BOTH, List.of(Results.ok("W4", KAFKA, 1, Metric.LATENCY_P99_MS, 3)));
        assertEquals(BrokerSummary.Status.NOT_RUN, w.broker(SAMSA).status());
        assertNull(w.ratio(Metric.LATENCY_P99_MS));
    }

    @Test
    void samsasClientIsSummarisedPerBrokerBesideKafkaClients() {
        List<RunResult> results = List.of(
                Results.ok("W1", SAMSA, ClientKind.KAFKA, 1, Metric.RECORDS_PER_SEC, 200, Metric.CLIENT_CPU_S, 10),
                Results.ok("W1", SAMSA, ClientKind.SAMSA, 1, Metric.RECORDS_PER_SEC, 220, Metric.CLIENT_CPU_S, 7),
                Results.ok("W1", KAFKA, ClientKind.KAFKA, 1, Metric.RECORDS_PER_SEC, 100, Metric.CLIENT_CPU_S, 10),
                RunResult.failed("W1", KAFKA, ClientKind.SAMSA, 1, "exit code 1"));
        WorkloadSummary w = WorkloadSummary.of("W1", "t", BOTH, results);
        assertEquals(List.of(ClientKind.KAFKA, ClientKind.SAMSA), w.clients());
        assertEquals(true, w.comparesClients());
        assertEquals(200.0, w.broker(SAMSA).median(Metric.RECORDS_PER_SEC), "broker() is kafka-clients'");
        assertEquals(2.0, w.ratio(Metric.RECORDS_PER_SEC), 1e-12, "the broker ratio compares kafka-clients runs");
        assertEquals(1.1, w.clientRatio(SAMSA, Metric.RECORDS_PER_SEC), 1e-12);
        assertEquals(0.7, w.clientRatio(SAMSA, Metric.CLIENT_CPU_S), 1e-12);
        assertNull(w.clientRatio(KAFKA, Metric.RECORDS_PER_SEC), "Samsa's client failed on Kafka");
        assertEquals(BrokerSummary.Status.FAILED, w.summary(KAFKA, ClientKind.SAMSA).status());
    }

    @Test
    void withoutSamsasClientRunsTheSummaryIsKafkaClientsOnly() {
        WorkloadSummary w = WorkloadSummary.of("W3", "t", BOTH, List.of(
                Results.ok("W3", SAMSA, 1, Metric.RECORDS_PER_SEC, 5),
                Results.ok("W1", SAMSA, ClientKind.SAMSA, 1, Metric.RECORDS_PER_SEC, 5)));
        assertEquals(List.of(ClientKind.KAFKA), w.clients());
        assertEquals(false, w.comparesClients());
        assertNull(w.summary(SAMSA, ClientKind.SAMSA));
        assertNull(w.clientRatio(SAMSA, Metric.RECORDS_PER_SEC));
    }
}
