package io.samsa.systest.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import io.samsa.systest.harness.JavaCommand;
import io.samsa.testkit.Wait;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.samsa.systest.tools.SamsaTools.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/samsa-dump-log.sh} on the files of a running deployment's broker: a closed segment
 * with its keys, values and headers, its offset and time indexes (dumped, verified, sanity-checked),
 * a producer snapshot and an {@code __consumer_offsets} segment, each compared line by line with
 * what Apache Kafka's own {@code kafka.tools.DumpLogSegments} prints for the same file (where Kafka
 * prints {@code OptionalLong.empty}, Samsa's tool prints -1); the same as JSON; and bad input.
 * The files are the brokers' own, so this checks that what Samsa (or Kafka) writes reads back.
 */
interface DumpLogToolTests {

    String DUMP = "samsa-dump-log.sh";
    ObjectMapper JSON = new ObjectMapper();

    SamsaTools tools();

    @Test
    default void dumpsASegmentItsIndexesAndSnapshotAsKafkasToolDoes() throws Exception {
        tools().onCluster("samsa-topics.sh", "--create", "--topic", "dl-seg", "--partitions", "1", "--config",
                "segment.bytes=1500", "--config", "index.interval.bytes=150").assertSuccess();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append("h").append(i % 3).append(":x|k").append(i).append(":value-").append(i).append('\n');
        }
        SamsaTools.runWithInput("samsa-console-producer.sh", lines.toString(), "--bootstrap-server",
                tools().broker().bootstrapServers(), "--topic", "dl-seg", "--sync", "--key-separator", ":",
                "--header-separator", "|").assertSuccess();
        Path dir = tools().broker().brokerDataDir(tools().broker().brokerIds().get(0)).resolve("dl-seg-0");
        Wait.until("dl-seg-0 rolled on broker " + tools().broker().brokerIds().get(0), Duration.ofSeconds(60),
                () -> files(dir, ".log").size() >= 3);
        Path segment = dir.resolve("00000000000000000000.log");

        CommandResult ours = dump("--files", segment.toString(), "--print-data-log");
        assertEquals("", ours.stderr(), ours::describe);
        List<String> out = ours.stdoutLines();
        assertEquals("Dumping " + segment, out.get(0));
        assertEquals("Log starting offset: 0", out.get(1));
        assertTrue(out.get(2).startsWith("baseOffset: 0 lastOffset: 0 count: 1 baseSequence: 0 lastSequence: 0 producerId: "),
                out.get(2));
        assertTrue(out.get(3).matches("\\| offset: 0 CreateTime: \\d+ keySize: 2 valueSize: 7 sequence: 0 headerKeys: \\[h0\\] "
                + "key: k0 payload: value-0"), out.get(3));
        assertEquals(kafka("--files", segment.toString(), "--print-data-log"), ours.stdout());

        Path index = dir.resolve("00000000000000000000.index");
        Path timeIndex = dir.resolve("00000000000000000000.timeindex");
        String indexes = index + "," + timeIndex;
        CommandResult dumped = dump("--files", indexes);
        assertEquals("", dumped.stderr(), dumped::describe);
        assertTrue(dumped.stdoutLines().stream().anyMatch(l -> l.matches("offset: \\d+ position: \\d+")), dumped::describe);
        assertEquals(kafka("--files", indexes), dumped.stdout());
        CommandResult verified = dump("--files", indexes, "--verify-index-only");
        assertEquals(List.of("Dumping " + index, "Dumping " + timeIndex), verified.stdoutLines(), verified::describe);
        assertEquals("", verified.stderr(), verified::describe);
        assertEquals(List.of("Dumping " + index, index + " passed sanity check.", "Dumping " + timeIndex,
                timeIndex + " passed sanity check."), dump("--files", indexes, "--index-sanity-check").stdoutLines());

        List<Path> snapshots = files(dir, ".snapshot");
        assertFalse(snapshots.isEmpty(), "a producer snapshot at the roll: " + files(dir, ""));
        CommandResult snapshot = dump("--files", snapshots.get(0).toString());
        assertTrue(snapshot.stdoutLines().get(1).matches("producerId: \\d+ producerEpoch: 0 coordinatorEpoch: -1 "
                + "currentTxnFirstOffset: -1 lastTimestamp: \\d+ firstSequence: \\d+ lastSequence: \\d+ lastOffset: \\d+ "
                + "offsetDelta: 0 timestamp: \\d+"), snapshot::describe);
        assertEquals(kafka("--files", snapshots.get(0).toString()), snapshot.stdout());

        JsonNode doc = JSON.readTree(dump("--files", segment + "," + index, "--deep-iteration", "--output", "json")
                .assertSuccess().stdout());
        JsonNode log = doc.get("files").get(0);
        assertEquals("log", log.get("type").asText());
        assertEquals(out.stream().filter(l -> l.startsWith("baseOffset: ")).count(), log.get("entries").size());
        assertEquals("[\"h0\"]", log.get("entries").get(0).get("records").get(0).get("headerKeys").toString());
        assertEquals("index", doc.get("files").get(1).get("type").asText());
    }

    @Test
    default void decodesConsumerOffsetsAsKafkasToolDoes() throws Exception {
        tools().onCluster("samsa-topics.sh", "--create", "--topic", "dl-offsets", "--partitions", "1").assertSuccess();
        SamsaTools.runWithInput("samsa-console-producer.sh", "one\ntwo\n", "--bootstrap-server",
                tools().broker().bootstrapServers(), "--topic", "dl-offsets", "--sync").assertSuccess();
        tools().onCluster("samsa-console-consumer.sh", "--topic", "dl-offsets", "--group", "dl-group", "--from-beginning",
                "--max-messages", "2").assertSuccess();
        int partition = ("dl-group".hashCode() & 0x7fffffff) % 50;
        Path segment = tools().broker().brokerDataDir(tools().broker().brokerIds().get(0))
                .resolve("__consumer_offsets-" + partition).resolve("00000000000000000000.log");
        String key = "key: {\"type\":\"1\",\"data\":{\"group\":\"dl-group\",\"topic\":\"dl-offsets\",\"partition\":0}} payload: "
                + "{\"version\":\"3\",\"data\":{\"offset\":2,";
        Wait.until("the commit in " + segment, Duration.ofSeconds(30),
                () -> dump("--files", segment.toString(), "--offsets-decoder").stdout().contains(key));
        CommandResult ours = dump("--files", segment.toString(), "--offsets-decoder");
        assertEquals("", ours.stderr(), ours::describe);
        assertEquals(commits(kafka("--files", segment.toString(), "--offsets-decoder")), commits(ours.stdout()));
        assertTrue(ours.stdout().contains("key: {\"type\":\"2\",\"data\":{\"group\":\"dl-group\"}} payload: {\"version\":"),
                ours::describe);
    }

    @Test
    default void badDumpInputIsOneLineOrTheUsage() {
        Path missing = tools().broker().brokerDataDir(tools().broker().brokerIds().get(0)).resolve("nothing-0")
                .resolve("00000000000000000000.log");
        assertFailure(dump("--files", missing.toString()), "samsa-dump-log: " + missing + ": no such file");
        CommandResult usage = SamsaTools.run(DUMP, "--print-data-log");
        assertEquals(2, usage.exitCode(), usage::describe);
        assertEquals("samsa-dump-log: error: missing required option --files", usage.stderr().lines().findFirst().orElse(""));
        assertTrue(usage.stderr().contains("--verify-index-only"), "the usage follows: " + usage.describe());
        SamsaTools.assertNoStackTrace(usage);
        CommandResult kraft = SamsaTools.run(DUMP, "--files", missing.toString(), "--cluster-metadata-decoder");
        assertEquals(2, kraft.exitCode(), kraft::describe);
        assertTrue(kraft.stderr().startsWith("samsa-dump-log: error: --cluster-metadata-decoder: this tool does not decode "
                + "KRaft metadata records (Samsa keeps its metadata in ZooKeeper)"), kraft::describe);
    }

    // --- helpers

    private static CommandResult dump(String... args) {
        return SamsaTools.run(DUMP, args);
    }

    /** What Kafka 3.9.1's DumpLogSegments prints, with its OptionalLong.empty written as -1 as Samsa's tool does. */
    static String kafka(String... args) {
        CommandResult r = ExternalCommand.run(JavaCommand.of("kafka.tools.DumpLogSegments", List.of(), List.of(args)), null,
                SamsaTools.TOOL_TIMEOUT);
        assertEquals(0, r.exitCode(), r::describe);
        return r.stdout().replace("OptionalLong.empty", "-1");
    }

    /** The offset commit lines of an --offsets-decoder dump (group metadata values differ: Kafka decodes subscriptions). */
    private static List<String> commits(String dump) {
        return dump.lines().filter(l -> l.contains("key: {\"type\":\"1\"")).toList();
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
