package io.samsa.systest.tools;

import io.samsa.systest.harness.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/samsa-producer-perf-test.sh} and {@code bin/samsa-consumer-perf-test.sh}: a small
 * run of each through its script, with Kafka's flags and Kafka's summary lines, and a bad command
 * line answered as every tool answers one.
 */
interface PerfToolsTests {

    SamsaTools tools();

    @Test
    default void producerAndConsumerPerfTestsRunThroughTheirScripts() {
        String bootstrap = tools().broker().bootstrapServers();
        tools().onCluster("samsa-topics.sh", "--create", "--topic", "pt-perf", "--partitions", "2").assertSuccess();
        CommandResult produced = SamsaTools.run("samsa-producer-perf-test.sh", "--topic", "pt-perf", "--num-records", "2000",
                "--record-size", "100", "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all")
                .assertSuccess();
        List<String> lines = produced.stdoutLines();
        assertTrue(lines.get(lines.size() - 1).startsWith("2000 records sent, "), produced::describe);
        assertFalse(produced.stderr().contains("\r"), "no progress line when the output is not a terminal: "
                + produced.describe());

        CommandResult consumed = SamsaTools.run("samsa-consumer-perf-test.sh", "--bootstrap-server", bootstrap,
                "--topic", "pt-perf", "--messages", "2000", "--timeout", "30000").assertSuccess();
        List<String> out = consumed.stdoutLines();
        assertEquals("start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, "
                + "fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec", out.get(0), consumed::describe);
        assertEquals("2000", out.get(1).split(", ")[4], consumed::describe);
        assertFalse(consumed.stderr().contains("\r"), "no progress line when the output is not a terminal: "
                + consumed.describe());
    }

    @Test
    default void kafkasOtherPerfFlagsAreTakenAsKafkasToolsTakeThem(@TempDir Path dir) throws Exception {
        String bootstrap = tools().broker().bootstrapServers();
        tools().onCluster("samsa-topics.sh", "--create", "--topic", "pt-flags", "--partitions", "1").assertSuccess();
        Path payloads = Files.writeString(dir.resolve("payloads.txt"), "alpha|beta|gamma");
        CommandResult produced = SamsaTools.run("samsa-producer-perf-test.sh", "--topic", "pt-flags", "--num-records",
                "300", "--payload-file", payloads.toString(), "--payload-delimiter", "|", "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "--print-metrics").assertSuccess();
        List<String> lines = produced.stdoutLines();
        assertEquals("Reading payloads from: " + payloads.toAbsolutePath(), lines.get(0), produced::describe);
        assertEquals("Number of messages read: 3", lines.get(1), produced::describe);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("300 records sent, ")), produced::describe);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("producer-metrics:record-send-total:{client-id=")),
                "--print-metrics prints Kafka's metrics table: " + produced.describe());

        // Every consumer perf flag of Kafka's: detailed stats each millisecond, no header, the deprecated thread counts.
        CommandResult consumed = SamsaTools.run("samsa-consumer-perf-test.sh", "--broker-list", bootstrap, "--topic",
                "pt-flags", "--messages", "300", "--group", "pt-flags-group", "--fetch-size", "4096", "--socket-buffer-size",
                "65536", "--show-detailed-stats", "--reporting-interval", "1", "--hide-header", "--timeout", "30000",
                "--threads", "2", "--num-fetch-threads", "1", "--date-format", "yyyy-MM-dd").assertSuccess();
        assertFalse(consumed.stdoutLines().isEmpty(), consumed::describe);
        for (String line : consumed.stdoutLines()) {
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d, 0, [0-9.]+, [0-9.]+, \\d+, [0-9.]+, \\d+, -?\\d+, [0-9.NaIfty]+, "
                    + "[0-9.NaIfty]+"), "only Kafka's detailed lines, no header, no summary: " + consumed.describe());
        }
        assertEquals("WARNING: option [threads] and [num-fetch-threads] have been deprecated and will be ignored by the "
                + "test", consumed.stderr().lines().findFirst().orElse(""), "on stderr, off the stats: " + consumed.describe());
        assertFalse(consumed.stderr().contains("\r"), consumed::describe);

        // The group has read everything: --from-latest on a new group starts at the end, so the run times out at once.
        CommandResult latest = SamsaTools.run("samsa-consumer-perf-test.sh", "--bootstrap-server", bootstrap, "--topic",
                "pt-flags", "--messages", "1", "--from-latest", "--timeout", "2000").assertSuccess();
        assertTrue(latest.stdout().contains("WARNING: Exiting before consuming the expected number of messages: timeout "
                + "(2000 ms) exceeded."), latest::describe);
    }

    @Test
    default void perfTestsAnswerABadCommandLineWithTheUsage() {
        CommandResult r = SamsaTools.run("samsa-consumer-perf-test.sh", "--bootstrap-server", "h:1", "--topic", "t",
                "--mesages", "1");
        assertEquals(2, r.exitCode(), r::describe);
        assertEquals("samsa-consumer-perf-test: error: unknown option --mesages; did you mean --messages?",
                r.stderr().lines().findFirst().orElse(""), r::describe);
        CommandResult p = SamsaTools.run("samsa-producer-perf-test.sh", "--topic", "t", "--num-records", "1",
                "--throughput", "-1", "--record-size", "1");
        assertEquals(2, p.exitCode(), p::describe);
        assertEquals("samsa-producer-perf-test: error: Either --producer-props or --producer.config must be specified.",
                p.stderr().lines().findFirst().orElse(""), p::describe);
        assertTrue(p.stderr().contains("--num-records"), "the usage follows: " + p.describe());
        String dead = SamsaTools.deadAddress();
        long start = System.nanoTime();
        SamsaTools.assertFailure(SamsaTools.run("samsa-producer-perf-test.sh", "--topic", "t", "--num-records", "5",
                "--record-size", "1", "--throughput", "-1", "--producer-props", "bootstrap.servers=" + dead),
                "samsa-producer-perf-test: cannot reach the cluster at " + dead + " within 5000 ms: " + dead
                        + " refused the connection");
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "within seconds, not max.block.ms per record");
        // The consumer perf test's check is the same (PerfCluster), unit-tested: one ~5 s wait is enough here.
        CommandResult tx = SamsaTools.run("samsa-producer-perf-test.sh", "--topic", "t", "--num-records", "1",
                "--throughput", "-1", "--record-size", "1", "--producer-props", "bootstrap.servers=h:1",
                "--transactional-id", "perf-tx", "--transaction-duration-ms", "1000");
        assertEquals(2, tx.exitCode(), tx::describe);
        assertEquals("samsa-producer-perf-test: error: --transaction-duration-ms: Samsa's producer does not support "
                + "transactions", tx.stderr().lines().findFirst().orElse(""), tx::describe);
    }
}
