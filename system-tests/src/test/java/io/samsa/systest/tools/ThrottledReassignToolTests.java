package io.samsa.systest.tools;

import io.samsa.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reassignment under a replication throttle, which only Apache Kafka's brokers enforce (Samsa's
 * take the throttled-replica lists but finish a move at once), so only the Kafka suite implements
 * this instead of the test skipping itself on Samsa.
 */
interface ThrottledReassignToolTests extends ReassignToolTests {

    @Test
    default void aThrottledMoveIsListedAndCancelledWhileInProgress(@TempDir Path dir) throws Exception {
        List<Integer> ids = tools().broker().brokerIds();
        int a = ids.get(0);
        int b = ids.get(1);
        tools().onCluster("samsa-topics.sh", "--create", "--topic", "rt-slow", "--replica-assignment",
                Integer.toString(a)).assertSuccess();
        produce("rt-slow", 0, 3000, 1000);
        Path plan = ReassignToolTests.write(dir, "slow.json", "{\"version\":1,\"partitions\":[{\"topic\":\"rt-slow\",\"partition\":0,"
                + "\"replicas\":[" + b + "]}]}");
        reassign("--execute", "--reassignment-json-file", plan.toString(), "--throttle", "1").assertSuccess();
        assertEquals(List.of("Current partition reassignments:", "rt-slow-0: replicas: " + b + "," + a + ". adding: " + b
                + ". removing: " + a + "."), reassign("--list").assertSuccess().stdoutLines());
        assertEquals("Reassignment of partition rt-slow-0 is still in progress.",
                reassign("--verify", "--reassignment-json-file", plan.toString()).assertSuccess().stdoutLines().get(1));
        assertEquals("Successfully cancelled partition reassignment for: rt-slow-0",
                reassign("--cancel", "--reassignment-json-file", plan.toString()).assertSuccess().stdoutLines().get(0));
        Wait.until("rt-slow back on " + a, Duration.ofSeconds(60), () -> {
            try {
                return describe("rt-slow").equals(List.of(List.of(a)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals("", topicConfig("rt-slow", "leader.replication.throttled.replicas"), "--cancel lifts the throttles");
    }

}
