package io.samsa.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PerfToolCommandsTest {

    private static final List<Workload> FULL = Workloads.standard(false);

    @Test
    void w1IsAnUnthrottledAcksOneProducer() {
        Workload w1 = FULL.get(0);
        assertEquals(PerfToolCommands.PRODUCER, PerfToolCommands.mainClass(w1));
        assertEquals(List.of("--topic", "bench-w1", "--num-records", "3000000", "--record-size", "100",
                "--throughput", "-1", "--producer-props", "bootstrap.servers=127.0.0.1:9", "acks=1"),
                PerfToolCommands.args(w1, "127.0.0.1:9"));
    }

    @Test
    void w2CarriesItsProducerSettings() {
        Workload w2 = FULL.get(1);
        assertEquals(6, w2.partitions());
        assertEquals(List.of("--topic", "bench-w2", "--num-records", "1000000", "--record-size", "1024",
                "--throughput", "-1", "--producer-props", "bootstrap.servers=h:1", "acks=all",
                "compression.type=lz4", "linger.ms=5", "batch.size=65536"), PerfToolCommands.args(w2, "h:1"));
    }

    @Test
    void w3ConsumesW1sRecords() {
        Workload w3 = FULL.get(2);
        assertEquals(PerfToolCommands.CONSUMER, PerfToolCommands.mainClass(w3));
        assertEquals("W1", Workloads.source(w3, FULL).id());
        assertEquals(List.of("--bootstrap-server", "h:1", "--topic", "bench-w1", "--messages", "3000000",
                "--timeout", "15000"), PerfToolCommands.args(w3, "h:1"));
    }

    @Test
    void w4IsEndToEndLatencyWithAcksAll() {
        Workload w4 = FULL.get(3);
        assertEquals(PerfToolCommands.END_TO_END, PerfToolCommands.mainClass(w4));
        assertEquals(List.of("h:1", "bench-w4", "20000", "all", "100"), PerfToolCommands.args(w4, "h:1"));
    }

    @Test
    void samsasToolsRunTheProduceAndConsumeWorkloadsWithTheSameArguments() {
        for (Workload w : FULL) {
            String samsa = PerfToolCommands.mainClass(w, ClientKind.SAMSA);
            assertEquals(PerfToolCommands.mainClass(w), PerfToolCommands.mainClass(w, ClientKind.KAFKA));
            switch (w.kind()) {
                case PRODUCE -> assertEquals("io.samsa.tools.ProducerPerformance", samsa, w.id());
                case CONSUME -> assertEquals("io.samsa.tools.ConsumerPerformance", samsa, w.id());
                case END_TO_END -> assertNull(samsa, w.id() + ": no Samsa end-to-end tool yet");
                default -> throw new AssertionError(w.kind());
            }
        }
        assertEquals(List.of("W1", "W2", "W3", "W5"), FULL.stream()
                .filter(w -> PerfToolCommands.mainClass(w, ClientKind.SAMSA) != null).map(Workload::id).toList());
    }
}
