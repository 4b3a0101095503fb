package io.samsa.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.samsa.bench.BrokerKind.KAFKA;
import static io.samsa.bench.BrokerKind.SAMSA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    @Test
    void defaultsAreTheFullRun() throws Exception {
        BenchOptions o = BenchOptions.parse();
        assertFalse(o.quick());
        assertEquals(3, o.repetitions());
        assertEquals(List.of("W1", "W2", "W3", "W4", "W5", "W4R3"), o.workloads());
        assertEquals(List.of(SAMSA, KAFKA), o.brokers());
        assertEquals("-Xms1g -Xmx1g", o.heap());
        assertEquals(List.of(ClientKind.KAFKA, ClientKind.SAMSA), o.clients());
        assertEquals(3_000_000L, o.selectedWorkloads().get(0).records());
    }

    @Test
    void quickIsSmallAndOnce() throws Exception {
        BenchOptions o = BenchOptions.parse("--quick");
        assertEquals(1, o.repetitions());
        assertEquals(100_000L, o.selectedWorkloads().get(0).records());
        assertEquals(3, BenchOptions.parse("--quick", "--reps", "3").repetitions());
    }

    @Test
    void consumingW1sTopicBringsW1Along() throws Exception {
        assertEquals(List.of("W1", "W3"), BenchOptions.parse("--workloads", "w3").workloads());
        assertEquals(List.of("W2", "W4"), BenchOptions.parse("--workloads", "W4,W2").workloads());
    }

    @Test
    void brokersAlternateWhoGoesFirst() throws Exception {
        BenchOptions o = BenchOptions.parse("--brokers", "kafka,samsa");
        assertEquals(List.of(SAMSA, KAFKA), o.brokerOrder(1));
        assertEquals(List.of(KAFKA, SAMSA), o.brokerOrder(2));
        assertEquals(List.of(SAMSA, KAFKA), o.brokerOrder(3));
    }

    @Test
    void clientsAreChosenAndAlternateWhoGoesFirst() throws Exception {
        assertEquals(List.of(ClientKind.SAMSA), BenchOptions.parse("--clients", "Samsa").clients());
        BenchOptions o = BenchOptions.parse("--clients", "samsa,kafka");
        assertEquals(List.of(ClientKind.KAFKA, ClientKind.SAMSA), o.clientOrder(1));
        assertEquals(List.of(ClientKind.SAMSA, ClientKind.KAFKA), o.clientOrder(2));
        assertEquals(List.of(ClientKind.KAFKA), BenchOptions.parse("--clients", "kafka").clientOrder(2));
    }

    @Test
    void badInputIsAUsageError() {
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--clients", "librdkafka"));
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--workloads", "W6"));
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--brokers", "pulsar"));
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--reps", "0"));
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("--fast"));
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse("extra"));
    }

    @Test
    void helpIsNotARun() throws Exception {
        assertNull(BenchOptions.parse("--help"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        BenchOptions.printHelp(out);
        assertTrue(out.toString().contains("--quick") && out.toString().contains("--clients"));
    }
}
