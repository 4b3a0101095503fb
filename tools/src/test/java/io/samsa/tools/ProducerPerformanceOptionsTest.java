package io.samsa.tools;

import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerPerformanceOptionsTest {

    @Test
    void kafkasBenchmarkCommandLineParses() throws Exception {
        ProducerPerformanceOptions o = ProducerPerformanceOptions.parse("--topic", "bench-w2", "--num-records", "1000000",
                "--record-size", "1024", "--throughput", "-1", "--producer-props", "bootstrap.servers=h:1", "acks=all",
                "compression.type=lz4", "linger.ms=5", "batch.size=65536");
        assertEquals("bench-w2", o.topic());
        assertEquals(1_000_000L, o.numRecords());
        assertEquals(1024, o.recordSize());
        assertEquals(-1.0, o.throughput());
        assertEquals(List.of("bootstrap.servers=h:1", "acks=all", "compression.type=lz4", "linger.ms=5", "batch.size=65536"),
                o.producerProps());
        assertFalse(o.printMetrics());
        assertEquals(0L, o.transactionDurationMs());
    }

    @Test
    void producerPropsMayComeBeforeOtherOptionsAndAFileMayStandAlone() throws Exception {
        ProducerPerformanceOptions o = ProducerPerformanceOptions.parse("--producer-props", "a=1", "b=x=y", "--topic", "t",
                "--num-records", "5", "--payload-monotonic", "--throughput", "100", "--print-metrics");
        assertEquals(List.of("a=1", "b=x=y"), o.producerProps());
        assertTrue(o.payloadMonotonic());
        assertNull(o.recordSize());
        assertTrue(o.printMetrics());
        ProducerPerformanceOptions f = ProducerPerformanceOptions.parse("--topic", "t", "--num-records", "5",
                "--payload-file", "p.txt", "--payload-delimiter", ",", "--throughput", "-1", "--producer.config", "c.properties");
        assertEquals(Path.of("c.properties"), f.producerConfigFile());
        assertEquals(Path.of("p.txt"), f.payloadFile());
        assertEquals(",", f.payloadDelimiter());
        assertEquals(List.of(), f.producerProps());
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        String[] base = {"--topic", "t", "--num-records", "5", "--throughput", "-1"};
        assertThrows(UsageException.class,
                () -> ProducerPerformanceOptions.parse(concat(base, "--record-size", "1")), "no producer configs");
        assertThrows(UsageException.class,
                () -> ProducerPerformanceOptions.parse(concat(base, "--producer-props", "a=1")), "no payload");
        assertThrows(UsageException.class, () -> ProducerPerformanceOptions.parse(
                concat(base, "--record-size", "1", "--payload-monotonic", "--producer-props", "a=1")), "two payloads");
        assertThrows(UsageException.class, () -> ProducerPerformanceOptions.parse(
                concat(base, "--record-size", "1", "--producer-props", "novalue")), "not k=v");
        assertThrows(UsageException.class, () -> ProducerPerformanceOptions.parse(
                concat(base, "--record-size", "1", "--producer-props", "a=1", "--transaction-duration-ms", "100")),
                "transactions");
        assertThrows(UsageException.class, () -> ProducerPerformanceOptions.parse(
                "--num-records", "5", "--throughput", "-1", "--record-size", "1", "--producer-props", "a=1"), "no topic");
        assertThrows(UsageException.class, () -> ProducerPerformanceOptions.parse(
                concat(base, "--record-size", "1", "stray")), "a stray argument");
        assertThrows(UsageException.class, () -> ProducerPerformanceOptions.parse("--topic", "t", "--num-records", "many",
                "--throughput", "-1", "--record-size", "1", "--producer-props", "a=1"), "not a number");
        assertThrows(UsageException.class, () -> ProducerPerformanceOptions.parse(
                concat(base, "--record-size", "1KiB", "--producer-props", "a=1")), "a size that is not a number");
    }

    @Test
    void helpIsNotARun() throws Exception {
        assertNull(ProducerPerformanceOptions.parse("--help"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProducerPerformanceOptions.printHelp(out);
        assertTrue(out.toString().contains("--producer-props"));
    }

    @Test
    void aTransactionalIdWithoutTransactionsIsAcceptedAsKafkaIgnoresIt() throws Exception {
        String[] base = {"--topic", "t", "--num-records", "5", "--throughput", "-1", "--record-size", "1",
            "--producer-props", "a=1"};
        assertEquals("performance-producer-default-transactional-id", ProducerPerformanceOptions.parse(base).transactionalId());
        ProducerPerformanceOptions o = ProducerPerformanceOptions.parse(concat(base, "--transactional-id", "tx-1",
                "--transaction-duration-ms", "0"));
        assertEquals("tx-1", o.transactionalId());
        assertEquals(0, o.transactionDurationMs());
        assertEquals("--transaction-duration-ms: Samsa's producer does not support transactions",
                assertThrows(UsageException.class, () -> ProducerPerformanceOptions.parse(concat(base, "--transactional-id",
                        "tx-1", "--transaction-duration-ms", "3000"))).getMessage());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
