package io.samsa.systest.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kcat (librdkafka 2.0.2, the Debian package) against the broker under test: metadata listing, and
 * produce/consume round trips with keys and headers for every compression codec, checked record by
 * record (key, value, headers, offset, partition) and, through a raw Fetch, batch by batch (the
 * codec really reached the log).
 */
@Tag("system")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KcatSystemTest {

    @RegisterExtension
    static final SharedBroker SHARED = new SharedBroker("kcat");

    private static final String KCAT = "/usr/bin/kcat";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final String FORMAT = "%k|%s|%h|%o|%p\\n";
    /** A partition line of {@code kcat -L}: partition, leader, replicas, ISR. */
    private static final Pattern PARTITION_LINE = Pattern.compile("    partition (\\d+), leader (\\d+), replicas: ([\\d,]+), isrs: ([\\d,]+)");
    /** Orders lines of {@link #FORMAT} by partition, then offset. */
    private static final Comparator<String> IN_LOG_ORDER = Comparator
            .comparingInt((String line) -> Integer.parseInt(line.substring(line.lastIndexOf('|') + 1)))
            .thenComparingLong(line -> Long.parseLong(line.split("\\|")[3]));

    @Test
    void listsTheBrokersAndATopicWithItsReplicatedPartitions() {
        Topics.create(SHARED.admin(), "kcat-metadata", 3);

        // kcat asks any broker; metadata reaches each broker a little after the controller creates
        // the topic (on Kafka too), so wait until the one kcat picks knows it.
        List<List<String>> seen = new ArrayList<>();
        Wait.until("kcat -L listing kcat-metadata", Topics.TIMEOUT, () -> {
            List<String> lines = kcat("-L", "-b", SHARED.broker().bootstrapServers()).assertSuccess().stdoutLines();
            seen.add(lines);
            return lines.contains("  topic \"kcat-metadata\" with 3 partitions:");
        });
        List<String> all = seen.get(seen.size() - 1);
        assertBrokers(all);

        List<List<String>> described = new ArrayList<>();
        Wait.until("kcat -L -t kcat-metadata describing it", Topics.TIMEOUT, () -> {
            List<String> lines = kcat("-L", "-b", SHARED.broker().bootstrapServers(), "-t", "kcat-metadata").assertSuccess()
                    .stdoutLines();
            described.add(lines);
            return lines.contains("  topic \"kcat-metadata\" with 3 partitions:");
        });
        List<String> one = described.get(described.size() - 1);
        String text = String.join("\n", one);
        assertTrue(one.get(0).startsWith("Metadata for kcat-metadata (from broker "), one.get(0));
        assertBrokers(one);
        int topics = one.indexOf(" 1 topics:");
        assertEquals(5, topics, text);
        assertEquals("  topic \"kcat-metadata\" with 3 partitions:", one.get(topics + 1), text);
        assertEquals(topics + 5, one.size(), text);
        Set<Integer> leaders = new HashSet<>();
        for (int p = 0; p < 3; p++) {
            Matcher m = PARTITION_LINE.matcher(one.get(topics + 2 + p));
            assertTrue(m.matches(), text);
            assertEquals(p, Integer.parseInt(m.group(1)), text);
            List<Integer> replicas = Arrays.stream(m.group(3).split(",")).map(Integer::valueOf).toList();
            assertEquals(3, replicas.size(), text);
            assertEquals(Set.copyOf(SHARED.broker().brokerIds()), Set.copyOf(replicas), text);
            // A new partition is led by its preferred (first) replica, with every replica in sync.
            assertEquals(replicas.get(0), Integer.parseInt(m.group(2)), text);
            assertEquals(Set.copyOf(replicas), Set.copyOf(Arrays.stream(m.group(4).split(",")).map(Integer::valueOf).toList()), text);
            leaders.add(replicas.get(0));
        }
        assertEquals(Set.copyOf(SHARED.broker().brokerIds()), leaders, "leadership spread over the brokers: " + text);
    }

    /** The " 3 brokers:" block of {@code kcat -L}: each broker at its port, exactly one of them the controller. */
    private static void assertBrokers(List<String> lines) {
        String text = String.join("\n", lines);
        int header = lines.indexOf(" 3 brokers:");
        assertEquals(1, header, text);
        Set<String> expected = new HashSet<>();
        for (int id : SHARED.broker().brokerIds()) {
            expected.add("  broker " + id + " at " + SHARED.broker().host() + ":" + SHARED.broker().port(id));
        }
        Set<String> listed = new HashSet<>();
        int controllers = 0;
        for (String line : lines.subList(header + 1, header + 4)) {
            if (line.endsWith(" (controller)")) {
                controllers++;
                line = line.substring(0, line.length() - " (controller)".length());
            }
            listed.add(line);
        }
        assertEquals(expected, listed, text);
        assertEquals(1, controllers, text);
    }

    @ParameterizedTest(name = "codec {0}")
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void producesAndConsumesKeysValuesAndHeadersWithEachCodec(String codec) {
        String topic = "kcat-" + codec;
        Topics.create(SHARED.admin(), topic, 2);

        List<String> expected = new ArrayList<>();
        expected.addAll(produce(topic, 1, 0, codec, 5, "h1=one", "h2=" + codec));
        expected.addAll(produce(topic, 0, 0, codec, 3, "trace=abc"));
        // A second produce call to partition 1 appends behind the first batch.
        expected.addAll(produce(topic, 1, 5, codec, 2, "h1=again"));
        expected.sort(IN_LOG_ORDER);

        List<String> consumed = new ArrayList<>(kcat("-C", "-b", SHARED.broker().bootstrapServers(), "-t", topic,
                "-o", "beginning", "-e", "-q", "-X", "check.crcs=true", "-f", FORMAT).assertSuccess().stdoutLines());
        // kcat interleaves partitions; order within a partition is the log's order.
        consumed.sort(IN_LOG_ORDER);
        assertEquals(expected, consumed);

        // Starting inside the first (possibly compressed) batch yields exactly the later records.
        List<String> fromOffset3 = kcat("-C", "-b", SHARED.broker().bootstrapServers(), "-t", topic, "-p", "1",
                "-o", "3", "-e", "-q", "-X", "check.crcs=true", "-f", FORMAT).assertSuccess().stdoutLines();
        assertEquals(expected.stream().filter(l -> l.endsWith("|1")).skip(3).toList(), fromOffset3);

        for (int partition = 0; partition < 2; partition++) {
            List<RawFetch.Batch> batches = RawFetch.batches(SHARED.admin(), topic, partition);
            assertFalse(batches.isEmpty(), "no batches in " + topic + "-" + partition);
            for (RawFetch.Batch b : batches) {
                assertEquals(codec, b.compression(), "codec of " + b + " in " + topic + "-" + partition);
                assertTrue(b.crcValid(), "CRC of " + b);
            }
            assertEquals(0, batches.get(0).baseOffset());
            assertEquals(partition == 0 ? 2 : 6, batches.get(batches.size() - 1).lastOffset());
        }
    }

    /**
     * Produces {@code count} records to one partition in one kcat call, every record carrying the
     * given headers; returns the lines the consumer format must print for them, the first record
     * being expected at {@code firstOffset}.
     */
    private static List<String> produce(String topic, int partition, long firstOffset, String codec, int count,
            String... headers) {
        StringBuilder stdin = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "key-" + partition + "-" + (firstOffset + i);
            // Repetitive values, so that every codec has something to compress.
            String value = "value " + codec + " " + (firstOffset + i) + " " + "abcdefgh".repeat(20);
            stdin.append(key).append(':').append(value).append('\n');
            expected.add(key + "|" + value + "|" + String.join(",", headers) + "|" + (firstOffset + i) + "|" + partition);
        }
        List<String> args = new ArrayList<>(List.of("-P", "-b", SHARED.broker().bootstrapServers(), "-t", topic,
                "-p", Integer.toString(partition), "-z", codec, "-K:", "-X", "message.timeout.ms=30000"));
        for (String h : headers) {
            args.add("-H");
            args.add(h);
        }
        run(args, stdin.toString()).assertSuccess();
        return expected;
    }

    private static CommandResult kcat(String... args) {
        return run(List.of(args), null);
    }

    private static CommandResult run(List<String> args, String stdin) {
        List<String> command = new ArrayList<>();
        command.add(KCAT);
        command.addAll(args);
        return ExternalCommand.run(command, stdin, COMMAND_TIMEOUT);
    }
}
