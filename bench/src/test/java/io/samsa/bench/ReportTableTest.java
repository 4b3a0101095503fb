package io.samsa.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.samsa.bench.BrokerKind.KAFKA;
import static io.samsa.bench.BrokerKind.SAMSA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTableTest {

    private static final List<BrokerKind> BOTH = List.of(SAMSA, KAFKA);

    @Test
    void rowsShowMediansRatioAndDirection() {
        WorkloadSummary w = WorkloadSummary.of("W1", "100 B records; 3,000,000 records", BOTH, List.of(
                Results.ok("W1", SAMSA, 1, Metric.RECORDS_PER_SEC, 250_000, Metric.BROKER_CPU_S, 6.5),
                Results.ok("W1", KAFKA, 1, Metric.RECORDS_PER_SEC, 200_000, Metric.BROKER_CPU_S, 13)));
        String table = ReportTable.render(List.of(w), BOTH);
        List<String> lines = table.lines().toList();
        assertEquals("W1: 100 B records; 3,000,000 records", lines.get(0));
        assertTrue(lines.get(1).contains("samsa 1/1") && lines.get(1).contains("kafka 1/1")
                && lines.get(1).contains("samsa/kafka"), lines.get(1));
        String records = row(lines, "records/s");
        assertTrue(records.matches(".*\\s250000\\s+200000\\s+1\\.25\\s+higher$"), records);
        String cpu = row(lines, "broker CPU (s)");
        assertTrue(cpu.matches(".*\\s6\\.50\\s+13\\.0\\s+0\\.50\\s+lower$"), cpu);
    }

    @Test
    void aFailedBrokerShowsFailedCellsAndTheReason() {
        WorkloadSummary w = WorkloadSummary.of("W2", "lz4", BOTH, List.of(
                RunResult.failed("W2", SAMSA, 1, "exit code 1: UnsupportedVersionException: InitProducerId"),
                Results.ok("W2", KAFKA, 1, Metric.RECORDS_PER_SEC, 60_000)));
        String table = ReportTable.render(List.of(w), BOTH);
        List<String> lines = table.lines().toList();
        String records = row(lines, "records/s");
        assertTrue(records.matches(".*FAILED\\s+60000\\s+n/a\\s+higher$"), records);
        assertTrue(table.contains("samsa FAILED 1 of 1 runs: exit code 1: UnsupportedVersionException: InitProducerId"),
                table);
    }

    @Test
    void onlyOneBrokerHasNoRatioColumn() {
        WorkloadSummary w = WorkloadSummary.of("W4", "t", List.of(KAFKA),
                List.of(Results.ok("W4", KAFKA, 1, Metric.LATENCY_P99_MS, 6)));
        String table = ReportTable.render(List.of(w), List.of(KAFKA));
        assertTrue(!table.contains("samsa/kafka") && row(table.lines().toList(), "latency p99").endsWith("6.00  lower"),
                table);
    }

    @Test
    void bothClientsGetAColumnEachPerBrokerAndTheirRatio() {
        WorkloadSummary w = WorkloadSummary.of("W1", "100 B", BOTH, List.of(
                Results.ok("W1", SAMSA, ClientKind.KAFKA, 1, Metric.RECORDS_PER_SEC, 250_000, Metric.CLIENT_CPU_S, 10),
                Results.ok("W1", SAMSA, ClientKind.SAMSA, 1, Metric.RECORDS_PER_SEC, 275_000, Metric.CLIENT_CPU_S, 7.5),
                Results.ok("W1", KAFKA, ClientKind.KAFKA, 1, Metric.RECORDS_PER_SEC, 200_000, Metric.CLIENT_CPU_S, 10),
                RunResult.failed("W1", KAFKA, ClientKind.SAMSA, 1, "exit code 1; first error: boom")));
        String table = ReportTable.render(List.of(w), BOTH);
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(1).matches("\\s+samsa broker\\s+samsa broker\\s+samsa broker\\s+kafka broker\\s+kafka broker"
                + "\\s+kafka broker\\s+kafka-cl on"), lines.get(1));
        assertTrue(lines.get(2).matches("\\s+figure \\(median\\)\\s+kafka-cl 1/1\\s+samsa-cl 1/1\\s+client s/k\\s+kafka-cl 1/1"
                + "\\s+samsa-cl 0/1\\s+client s/k\\s+broker s/k\\s+better"), lines.get(2));
        String records = row(lines, "records/s");
        assertTrue(records.matches(".*\\s250000\\s+275000\\s+1\\.10\\s+200000\\s+FAILED\\s+n/a\\s+1\\.25\\s+higher$"), records);
        String cpu = row(lines, "client CPU (s)");
        assertTrue(cpu.matches(".*\\s10\\.0\\s+7\\.50\\s+0\\.75\\s+10\\.0\\s+FAILED\\s+n/a\\s+1\\.00\\s+lower$"), cpu);
        assertTrue(table.contains("  kafka broker, samsa-cl FAILED 1 of 1 runs: exit code 1; first error: boom"), table);
    }

    @Test
    void aWorkloadOnlyKafkaClientsRanKeepsItsShape() {
        WorkloadSummary w = WorkloadSummary.of("W3", "consume", BOTH, List.of(
                Results.ok("W3", SAMSA, 1, Metric.RECORDS_PER_SEC, 900_000),
                Results.ok("W3", KAFKA, 1, Metric.RECORDS_PER_SEC, 600_000)));
        List<String> lines = ReportTable.render(List.of(w), BOTH).lines().toList();
        assertTrue(lines.get(1).matches("\\s+figure \\(median\\)\\s+samsa 1/1\\s+kafka 1/1\\s+samsa/kafka\\s+better"), lines.get(1));
        assertTrue(row(lines, "records/s").matches(".*\\s900000\\s+600000\\s+1\\.50\\s+higher$"), lines.get(2));
    }

    @Test
    void valuesGetDecimalsByMagnitude() {
        assertEquals("206968", ReportTable.value(206967.9));
        assertEquals("19.7", ReportTable.value(19.74));
        assertEquals("0.92", ReportTable.value(0.9238));
        assertEquals("0.0420", ReportTable.value(0.042));
        assertEquals("0.00", ReportTable.value(0));
    }

    private static String row(List<String> lines, String label) {
        return lines.stream().filter(l -> l.trim().startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + lines));
    }
}
