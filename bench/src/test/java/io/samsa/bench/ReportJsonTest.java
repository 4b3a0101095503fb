package io.samsa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.samsa.bench.BrokerKind.KAFKA;
import static io.samsa.bench.BrokerKind.SAMSA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportJsonTest {

    private static final List<BrokerKind> BOTH = List.of(SAMSA, KAFKA);

    @Test
    void oneParsableLinePerWorkload() throws Exception {
        WorkloadSummary w = WorkloadSummary.of("W1", "100 B \"records\"", BOTH, List.of(
                Results.ok("W1", SAMSA, 1, Metric.RECORDS_PER_SEC, 250_000, Metric.LATENCY_P99_MS, 2),
                Results.ok("W1", SAMSA, 2, Metric.RECORDS_PER_SEC, 150_000, Metric.LATENCY_P99_MS, 4),
                Results.ok("W1", KAFKA, 1, Metric.RECORDS_PER_SEC, 200_000, Metric.LATENCY_P99_MS, 4),
                RunResult.failed("W1", KAFKA, 2, "killed after 240 s without finishing\nsecond line")));
        String line = ReportJson.line(w, BOTH);
        assertTrue(line.startsWith("BENCH {"), line);
        assertFalse(line.contains("\n"));
        JsonNode root = new ObjectMapper().readTree(line.substring(ReportJson.PREFIX.length()));
        assertEquals("W1", root.get("workload").asText());
        assertEquals("100 B \"records\"", root.get("title").asText());
        JsonNode samsa = root.get("samsa");
        assertEquals("ok", samsa.get("status").asText());
        assertEquals(2, samsa.get("runs").asInt());
        assertEquals(200_000.0, samsa.get("median").get("records_per_sec").asDouble());
        assertEquals(3.0, samsa.get("median").get("latency_p99_ms").asDouble());
        assertEquals(2, samsa.get("samples").get("records_per_sec").size());
        JsonNode kafka = root.get("kafka");
        assertEquals("partial", kafka.get("status").asText());
        assertEquals(1, kafka.get("ok").asInt());
        assertEquals("killed after 240 s without finishing\nsecond line", kafka.get("failures").get(0).asText());
        assertEquals(1.0, root.get("ratio_samsa_over_kafka").get("records_per_sec").asDouble(), 1e-9);
        assertEquals(0.75, root.get("ratio_samsa_over_kafka").get("latency_p99_ms").asDouble(), 1e-9);
    }

    @Test
    void samsasClientRunsAndTheClientRatioArePerBroker() throws Exception {
        WorkloadSummary w = WorkloadSummary.of("W2", "lz4", BOTH, List.of(
                Results.ok("W2", SAMSA, ClientKind.KAFKA, 1, Metric.RECORDS_PER_SEC, 60_000, Metric.CLIENT_CPU_S, 8),
                Results.ok("W2", SAMSA, ClientKind.SAMSA, 1, Metric.RECORDS_PER_SEC, 66_000, Metric.CLIENT_CPU_S, 6),
                Results.ok("W2", KAFKA, ClientKind.KAFKA, 1, Metric.RECORDS_PER_SEC, 50_000, Metric.CLIENT_CPU_S, 8),
                Results.ok("W2", KAFKA, ClientKind.SAMSA, 1, Metric.RECORDS_PER_SEC, 40_000, Metric.CLIENT_CPU_S, 4)));
        JsonNode root = new ObjectMapper().readTree(ReportJson.line(w, BOTH).substring(ReportJson.PREFIX.length()));
        assertEquals(60_000.0, root.get("samsa").get("median").get("records_per_sec").asDouble(), "kafka-clients, as before");
        assertEquals(1.2, root.get("ratio_samsa_over_kafka").get("records_per_sec").asDouble(), 1e-9);
        JsonNode samsaClient = root.get("samsa_client");
        assertEquals("ok", samsaClient.get("samsa").get("status").asText());
        assertEquals(66_000.0, samsaClient.get("samsa").get("median").get("records_per_sec").asDouble());
        assertEquals(4.0, samsaClient.get("kafka").get("median").get("client_cpu_s").asDouble());
        JsonNode ratios = root.get("ratio_samsa_client_over_kafka_client");
        assertEquals(1.1, ratios.get("samsa").get("records_per_sec").asDouble(), 1e-9);
        assertEquals(0.75, ratios.get("samsa").get("client_cpu_s").asDouble(), 1e-9);
        assertEquals(0.5, ratios.get("kafka").get("client_cpu_s").asDouble(), 1e-9);
    }

    @Test
    void aKafkaClientsOnlyWorkloadHasNoClientKeys() throws Exception {
        WorkloadSummary w = WorkloadSummary.of("W4", "t", BOTH, List.of(Results.ok("W4", KAFKA, 1, Metric.LATENCY_P99_MS, 3)));
        JsonNode root = new ObjectMapper().readTree(ReportJson.line(w, BOTH).substring(ReportJson.PREFIX.length()));
        assertFalse(root.has("samsa_client") || root.has("ratio_samsa_client_over_kafka_client"));
    }

    @Test
    void jsonWriterEscapesAndRoundsNumbers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", "x\"y\\z\n\u0001");
        m.put("b", Arrays.asList(1, 2.5, Double.NaN));
        m.put("c", true);
        m.put("d", null);
        assertEquals("{\"a\":\"x\\\"y\\\\z\\n\\u0001\",\"b\":[1,2.5,null],\"c\":true,\"d\":null}", Json.write(m));
        assertEquals("0.3333333", Json.number(1.0 / 3));
        assertEquals("206967.9", Json.number(206967.919972));
        assertEquals("3000000", Json.number(3_000_000.0));
        assertEquals("null", Json.number(Double.POSITIVE_INFINITY));
    }
}
