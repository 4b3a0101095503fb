package io.samsa.systest.tools;

import io.samsa.systest.harness.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.samsa.systest.tools.SamsaTools.assertFailure;
import static io.samsa.systest.tools.SamsaTools.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/samsa-delete-records.sh} against a live deployment: records deleted before the
 * offsets of Kafka's JSON file, the new low watermarks printed in Kafka's lines (and seen by
 * {@code samsa-get-offsets.sh}), and bad input, which deletes nothing.
 */
interface DeleteRecordsToolTests {

    String SCRIPT = "samsa-delete-records.sh";

    SamsaTools tools();

    @Test
    default void deletesRecordsBeforeTheOffsetsAndPrintsTheLowWatermarks(@TempDir Path dir) throws IOException {
        ToolTestData data = new ToolTestData(tools().broker());
        data.createTopic("dr-trim", 2, Map.of());
        data.produce("dr-trim", 0, 10, System.currentTimeMillis() - 3_600_000L);
        data.produce("dr-trim", 1, 4, System.currentTimeMillis() - 3_600_000L);
        Path file = write(dir, "{\"partitions\": [{\"topic\": \"dr-trim\", \"partition\": 1, \"offset\": -1},"
                + " {\"topic\": \"dr-trim\", \"partition\": 0, \"offset\": 6}], \"version\": 1}");
        CommandResult r = tools().onCluster(SCRIPT, "--offset-json-file", file.toString()).assertSuccess();
        assertEquals("Executing records delete operation\nRecords delete operation completed:\n"
                + "partition: dr-trim-0\tlow_watermark: 6\npartition: dr-trim-1\tlow_watermark: 4\n", r.stdout());
        assertEquals("", r.stderr());
        assertEquals(List.of("dr-trim:0:6", "dr-trim:1:4"), tools().onCluster("samsa-get-offsets.sh", "--topic", "dr-trim",
                "--time", "earliest").assertSuccess().stdoutLines());

        Path beyond = write(dir, "{\"partitions\": [{\"topic\": \"dr-trim\", \"partition\": 0, \"offset\": 50}]}");
        CommandResult refused = tools().onCluster(SCRIPT, "--offset-json-file", beyond.toString());
        assertEquals(1, refused.exitCode(), refused::describe);
        List<String> err = refused.stderr().lines().toList();
        assertEquals(2, err.size(), refused::describe);
        assertTrue(err.get(0).startsWith("samsa-delete-records: partition: dr-trim-0\terror: "), refused::describe);
        assertEquals("samsa-delete-records: could not delete the records of 1 of 1 partition", err.get(1));
    }

    @Test
    default void badInputIsOneLineOrTheUsageAndDeletesNothing(@TempDir Path dir) throws IOException {
        ToolTestData data = new ToolTestData(tools().broker());
        data.createTopic("dr-known", 2, Map.of());
        data.produce("dr-known", 0, 3, System.currentTimeMillis() - 3_600_000L);
        Path good = write(dir, "{\"partitions\": [{\"topic\": \"dr-known\", \"partition\": 0, \"offset\": 1}]}");
        String dead = SamsaTools.deadAddress();
        long start = System.nanoTime();
        assertFailure(SamsaTools.run(SCRIPT, "--bootstrap-server", dead, "--offset-json-file", good.toString(), "--timeout",
                "2000"), "samsa-delete-records: cannot reach the cluster at " + dead + " within 2000 ms: " + dead
                        + " refused the connection");
        assertTrue(System.nanoTime() - start < 6_000_000_000L, "failed fast");

        Path typo = write(dir, "{\"partitions\": [{\"topic\": \"dr-known\", \"partition\": 0, \"offset\": 1},"
                + " {\"topic\": \"dr-knwon\", \"partition\": 0, \"offset\": 1}]}");
        assertFailure(tools().onCluster(SCRIPT, "--offset-json-file", typo.toString()),
                "samsa-delete-records: Topic 'dr-knwon' does not exist; did you mean 'dr-known'?");
        Path noPartition = write(dir, "{\"partitions\": [{\"topic\": \"dr-known\", \"partition\": 5, \"offset\": 1}]}");
        assertFailure(tools().onCluster(SCRIPT, "--offset-json-file", noPartition.toString()),
                "samsa-delete-records: Topic 'dr-known' has no partition 5 (it has 2)");
        Path duplicate = write(dir, "{\"partitions\": [{\"topic\": \"dr-known\", \"partition\": 0, \"offset\": 1},"
                + " {\"topic\": \"dr-known\", \"partition\": 0, \"offset\": 2}]}");
        assertFailure(tools().onCluster(SCRIPT, "--offset-json-file", duplicate.toString()),
                "samsa-delete-records: --offset-json-file " + duplicate + ": partition dr-known-0 is listed twice");
        Path missing = dir.resolve("missing.json");
        assertFailure(tools().onCluster(SCRIPT, "--offset-json-file", missing.toString()),
                "samsa-delete-records: --offset-json-file " + missing + ": no such file");
        assertUsageError(tools().onCluster(SCRIPT), "samsa-delete-records: error: missing required option --offset-json-file");
        assertEquals(List.of("dr-known:0:0"), tools().onCluster("samsa-get-offsets.sh", "--topic", "dr-known", "--partitions",
                "0", "--time", "earliest").assertSuccess().stdoutLines(), "nothing was deleted");
    }

    private static Path write(Path dir, String json) throws IOException {
        Path file = Files.createTempFile(dir, "offsets", ".json");
        Files.writeString(file, json);
        return file;
    }
}
