package io.samsa.systest.tools;

import io.samsa.systest.harness.CommandResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

        CommandResult consumed = SamsaTools.run("samsa-consumer-perf-test.sh", "--bootstrap-server", bootstrap,
                "--topic", "pt-perf", "--messages", "2000", "--timeout", "30000").assertSuccess();
        List<String> out = consumed.stdoutLines();
        assertEquals("start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, "
                + "fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec", out.get(0), consumed::describe);
        assertEquals("2000", out.get(1).split(", ")[4], consumed::describe);
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
    }
}
