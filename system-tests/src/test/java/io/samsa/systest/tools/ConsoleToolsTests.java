package io.samsa.systest.tools;

import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import io.samsa.systest.harness.JavaCommand;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.samsa.systest.tools.SamsaTools.assertFailure;
import static io.samsa.systest.tools.SamsaTools.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/samsa-console-producer.sh} and {@code bin/samsa-console-consumer.sh} against a live
 * deployment: a round trip of keys, headers and values through every print flag, Kafka's
 * {@code --property} settings and a {@code --format}, checked against Kafka's own console consumer;
 * every {@code --offset} form; a group that commits what it printed, stopped by
 * {@code --max-messages}, by {@code --timeout-ms} and by SIGTERM; and bad input (a dead bootstrap
 * server, an unknown topic or partition, a missing flag, a record the broker refuses, a line
 * without its key separator).
 */
interface ConsoleToolsTests {

    String PRODUCER = "samsa-console-producer.sh";
    String CONSUMER = "samsa-console-consumer.sh";
    Pattern ALL_FLAGS = Pattern.compile("CreateTime:(\\d+)\tPartition:0\tOffset:(\\d)\t(.*)\t(k\\d)\t(v\\d)");

    SamsaTools tools();

    @Test
    default void recordsRoundTripWithKeysHeadersAndEveryPrintFlag() throws Exception {
        createTopic("cn-round", 1);
        CommandResult produced = produce("h1:a,h2:b|k1:v1\nh3:c|k2:v2\nh4:|k3:v3\n", "--topic", "cn-round",
                "--key-separator", ":", "--header-separator", "|");
        assertEquals("", produced.stdout(), produced::describe);
        assertEquals("", produced.stderr(), produced::describe);

        CommandResult all = consume("--topic", "cn-round", "--from-beginning", "--max-messages", "3", "--print-key",
                "--print-headers", "--print-offset", "--print-partition", "--print-timestamp");
        assertEquals("Processed a total of 3 messages\n", all.stderr(), all::describe);
        List<String> lines = all.stdoutLines();
        assertEquals(3, lines.size(), all::describe);
        List<Long> timestamps = new ArrayList<>();
        String[] headers = {"h1:a,h2:b", "h3:c", "h4:"};
        for (int i = 0; i < 3; i++) {
            Matcher m = ALL_FLAGS.matcher(lines.get(i));
            assertTrue(m.matches(), lines.get(i));
            timestamps.add(Long.parseLong(m.group(1)));
            assertEquals(Integer.toString(i), m.group(2));
            assertEquals(headers[i], m.group(3));
            assertEquals("k" + (i + 1), m.group(4));
            assertEquals("v" + (i + 1), m.group(5));
        }

        assertEquals(List.of("cn-round|0|0|k1|v1|h1=a,h2=b|" + timestamps.get(0), "cn-round|0|1|k2|v2|h3=c|" + timestamps.get(1),
                "cn-round|0|2|k3|v3|h4=|" + timestamps.get(2)),
                consume("--topic", "cn-round", "--from-beginning", "--max-messages", "3", "--format", "%t|%p|%o|%k|%v|%h|%T")
                        .stdoutLines());

        // Kafka's own console consumer, with Kafka's --property spelling, prints the same bytes.
        List<String> props = List.of("--property", "print.key=true", "--property", "print.headers=true", "--property",
                "print.offset=true", "--property", "print.partition=true", "--property", "key.separator= | ");
        List<String> ours = new ArrayList<>(List.of("--topic", "cn-round", "--from-beginning", "--max-messages", "3"));
        ours.addAll(props);
        CommandResult samsa = consume(ours.toArray(String[]::new));
        List<String> kafkaArgs = new ArrayList<>(List.of("--bootstrap-server", tools().broker().bootstrapServers()));
        kafkaArgs.addAll(ours);
        CommandResult kafka = ExternalCommand.run(JavaCommand.of("org.apache.kafka.tools.consumer.ConsoleConsumer",
                List.of(), kafkaArgs), null, SamsaTools.TOOL_TIMEOUT);
        assertEquals(0, kafka.exitCode(), kafka::describe);
        assertEquals(kafka.stdout(), samsa.stdout());
        assertEquals("Partition:0 | Offset:0 | h1:a,h2:b | k1 | v1", samsa.stdoutLines().get(0));

        // Every --offset form, with and without --partition.
        assertEquals(List.of("v2", "v3"), consume("--topic", "cn-round", "--partition", "0", "--offset", "-2",
                "--timeout-ms", "2000").stdoutLines());
        assertEquals(List.of("v2", "v3"), consume("--topic", "cn-round", "--offset", "1", "--timeout-ms", "2000").stdoutLines());
        assertEquals(List.of("v1", "v2", "v3"), consume("--topic", "cn-round", "--offset", "earliest", "--timeout-ms", "2000")
                .stdoutLines());
        assertEquals(List.of(), consume("--topic", "cn-round", "--offset", "latest", "--timeout-ms", "2000").stdoutLines());
        List<String> fromTime = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (timestamps.get(i) >= timestamps.get(1)) {
                fromTime.add("v" + (i + 1));
            }
        }
        assertEquals(fromTime, consume("--topic", "cn-round", "--offset", "@" + timestamps.get(1), "--timeout-ms", "2000")
                .stdoutLines());
        CommandResult idle = consume("--topic", "cn-round", "--offset", "@" + (timestamps.get(2) + 1), "--timeout-ms", "1000");
        assertEquals("", idle.stdout(), idle::describe);
        assertEquals("Processed a total of 0 messages\n", idle.stderr(), idle::describe);
    }

    @Test
    default void aGroupCommitsWhatItPrinted() throws Exception {
        createTopic("cn-group", 1);
        produce("v0\nv1\nv2\nv3\nv4\n", "--topic", "cn-group", "--sync");
        CommandResult first = consume("--topic", "cn-group", "--group", "cn-g", "--from-beginning", "--max-messages", "2");
        assertEquals(List.of("v0", "v1"), first.stdoutLines(), first::describe);
        assertEquals(2, committed("cn-g", "cn-group"));
        CommandResult rest = consume("--topic", "cn-group", "--group", "cn-g", "--timeout-ms", "3000");
        assertEquals(List.of("v2", "v3", "v4"), rest.stdoutLines(), rest::describe);
        assertEquals("Processed a total of 3 messages\n", rest.stderr(), rest::describe);
        assertEquals(5, committed("cn-g", "cn-group"));
        CommandResult include = consume("--include", "cn-gr.*", "--group", "cn-g2", "--from-beginning", "--max-messages", "5",
                "--format", "%t %v");
        assertEquals(List.of("cn-group v0", "cn-group v1", "cn-group v2", "cn-group v3", "cn-group v4"), include.stdoutLines(),
                include::describe);
    }

    @Test
    default void sigtermStopsTheConsumerCleanlyAndItCommits(@TempDir Path dir) throws Exception {
        createTopic("cn-signal", 1);
        produce("a\nb\nc\nd\n", "--topic", "cn-signal");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(SamsaTools.command(CONSUMER, "--bootstrap-server", tools().broker().bootstrapServers(),
                "--topic", "cn-signal", "--group", "cn-sig", "--from-beginning"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            Wait.until("4 records printed", Duration.ofSeconds(60), () -> read(out).lines().count() == 4);
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(143, p.exitValue(), () -> read(err));
        assertEquals("a\nb\nc\nd\n", read(out));
        assertEquals("Processed a total of 4 messages\n", read(err));
        assertEquals(4, committed("cn-sig", "cn-signal"));
    }

    @Test
    default void kafkasTuningFormatterAndSystestFlagsAreTakenAsKafkasToolsTakeThem(@TempDir Path dir) throws Exception {
        createTopic("cn-flags", 1);
        Path readerConfig = Files.writeString(dir.resolve("reader.properties"), "parse.key=true\n");
        // A Kafka user's producer command line with every tuning flag of kafka-console-producer.
        CommandResult produced = produce("k1\tv1\nk2\tv2\n", "--topic", "cn-flags", "--compression-codec", "gzip",
                "--batch-size", "100", "--message-send-max-retries", "5", "--retry-backoff-ms", "50", "--timeout", "10",
                "--request-required-acks", "all", "--request-timeout-ms", "20000", "--max-memory-bytes", "1048576",
                "--max-partition-memory-bytes", "2048", "--socket-buffer-size", "65536", "--metadata-expiry-ms", "60000",
                "--max-block-ms", "20000", "--line-reader", "kafka.tools.ConsoleProducer$LineMessageReader",
                "--reader-config", readerConfig.toString(), "--property", "ignore.error=false");
        assertEquals("", produced.stderr(), produced::describe);
        assertEquals(0, produced.exitCode(), produced::describe);

        // Kafka's LoggingMessageFormatter prints as its default one; systest events end the output.
        List<String> args = List.of("--topic", "cn-flags", "--from-beginning", "--max-messages", "2", "--formatter",
                "org.apache.kafka.tools.consumer.LoggingMessageFormatter", "--property", "print.key=true",
                "--isolation-level", "read_committed", "--key-deserializer",
                "org.apache.kafka.common.serialization.StringDeserializer", "--value-deserializer",
                "org.apache.kafka.common.serialization.StringDeserializer", "--enable-systest-events");
        CommandResult samsa = consume(args.toArray(String[]::new));
        assertEquals("k1\tv1\nk2\tv2\nshutdown_complete\n", samsa.stdout(), samsa::describe);
        assertEquals("Processed a total of 2 messages\n", samsa.stderr(), samsa::describe);
        List<String> kafkaArgs = new ArrayList<>(List.of("--bootstrap-server", tools().broker().bootstrapServers()));
        kafkaArgs.addAll(args);
        CommandResult kafka = ExternalCommand.run(JavaCommand.of("org.apache.kafka.tools.consumer.ConsoleConsumer",
                List.of(), kafkaArgs), null, SamsaTools.TOOL_TIMEOUT);
        assertEquals(0, kafka.exitCode(), kafka::describe);
        assertEquals(kafka.stdout(), samsa.stdout(), "the same bytes as Kafka's own console consumer");

        CommandResult noOp = consume("--topic", "cn-flags", "--from-beginning", "--max-messages", "2", "--formatter",
                "kafka.tools.NoOpMessageFormatter");
        assertEquals("", noOp.stdout(), noOp::describe);
        assertEquals("Processed a total of 2 messages\n", noOp.stderr(), noOp::describe);

        // Values of 2 bytes are no longs: each record is skipped with a line on stderr, and the run goes on.
        CommandResult skipped = consume("--topic", "cn-flags", "--from-beginning", "--max-messages", "2",
                "--value-deserializer", "org.apache.kafka.common.serialization.LongDeserializer", "--skip-message-on-error");
        assertEquals(0, skipped.exitCode(), skipped::describe);
        assertEquals("", skipped.stdout(), skipped::describe);
        assertEquals(2, skipped.stderr().lines().filter(l -> l.startsWith("samsa-console-consumer: skipping the record of "
                + "cn-flags-0 at offset ")).count(), skipped::describe);
        SamsaTools.assertNoStackTrace(skipped);

        assertUsageError(consume("--topic", "cn-flags", "--formatter", "kafka.tools.FancyFormatter"),
                "samsa-console-consumer: error: --formatter kafka.tools.FancyFormatter: the formatters are Kafka's "
                        + "DefaultMessageFormatter, LoggingMessageFormatter and NoOpMessageFormatter; --format prints "
                        + "records in another layout");
    }

    @Test
    default void consoleToolsAnswerBadInputWithOneLineOrTheUsage() {
        createTopic("cn-bad", 2);
        String dead = SamsaTools.deadAddress();
        long start = System.nanoTime();
        assertFailure(SamsaTools.runWithInput(PRODUCER, "x\n", "--bootstrap-server", dead, "--topic", "cn-bad"),
                "samsa-console-producer: cannot reach the cluster at " + dead + " within 5000 ms: " + dead
                        + " refused the connection");
        assertFailure(SamsaTools.run(CONSUMER, "--bootstrap-server", dead, "--topic", "cn-bad"),
                "samsa-console-consumer: cannot reach the cluster at " + dead + " within 5000 ms: " + dead
                        + " refused the connection");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "both within seconds");

        assertFailure(consume("--topic", "cn-bda"), "samsa-console-consumer: Topic 'cn-bda' does not exist; did you mean 'cn-bad'?");
        assertFailure(consume("--topic", "cn-bad", "--partition", "2"),
                "samsa-console-consumer: Partition 2 of topic 'cn-bad' does not exist (it has 2 partitions)");
        assertFailure(consume("--include", "cn-nothing-.*"), "samsa-console-consumer: No topic matches 'cn-nothing-.*'");
        assertUsageError(consume("--from-beginning"), "samsa-console-consumer: error: give exactly one of --topic and --include");
        assertUsageError(consume("--topic", "cn-bad", "--offset", "yesterday"), "samsa-console-consumer: error: --offset must be "
                + "earliest, latest, N (an offset), -N (N before the end) or @MS (the first record at or after a timestamp in ms), "
                + "not 'yesterday'");
        assertUsageError(produce("x\n"), "samsa-console-producer: error: missing required option --topic");

        CommandResult tooLarge = produce("small\n" + "x".repeat(500) + "\n", "--topic", "cn-bad", "--sync",
                "--producer-property", "max.request.size=300");
        assertEquals(1, tooLarge.exitCode(), tooLarge::describe);
        assertEquals(1, tooLarge.stderr().lines().count(), tooLarge::describe);
        assertTrue(tooLarge.stderr().startsWith("samsa-console-producer: cannot send to topic 'cn-bad': line 2: "),
                tooLarge::describe);
        SamsaTools.assertNoStackTrace(tooLarge);

        assertFailure(produce("k:v\nno key\n", "--topic", "cn-bad", "--key-separator", ":"),
                "samsa-console-producer: line 2: no key separator ':' in 'no key'");
        assertEquals(List.of("small", "v"), consume("--topic", "cn-bad", "--from-beginning", "--timeout-ms", "2000")
                .stdoutLines().stream().sorted().toList(), "the lines before a failure are sent");
    }

    // --- helpers

    private void createTopic(String topic, int partitions) {
        tools().onCluster("samsa-topics.sh", "--create", "--topic", topic, "--partitions", Integer.toString(partitions))
                .assertSuccess();
        Wait.until(topic + " has leaders", Duration.ofSeconds(60), () -> {
            CommandResult r = tools().onCluster("samsa-topics.sh", "--describe", "--topic", topic);
            return r.exitCode() == 0 && r.stdoutLines().size() == partitions + 1
                    && r.stdoutLines().stream().skip(1).noneMatch(l -> l.contains("Leader: none"));
        });
    }

    private CommandResult produce(String input, String... args) {
        List<String> all = new ArrayList<>(List.of("--bootstrap-server", tools().broker().bootstrapServers()));
        all.addAll(List.of(args));
        return SamsaTools.runWithInput(PRODUCER, input, all.toArray(String[]::new));
    }

    private CommandResult consume(String... args) {
        return tools().onCluster(CONSUMER, args);
    }

    private long committed(String group, String topic) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, tools().broker().bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata o = offsets.get(new TopicPartition(topic, 0));
            return o == null ? -1 : o.offset();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
