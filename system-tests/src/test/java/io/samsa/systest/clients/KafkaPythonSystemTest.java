package io.samsa.systest.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kafka-python 2.0.2 (Debian python3-kafka, run by the system interpreter /usr/bin/python3) against
 * the broker under test: a keyed producer (send + flush) and a group-less consumer (assign + seek),
 * through the script kafka_python_roundtrip.py, whose JSON lines this test checks exactly.
 */
@Tag("system")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaPythonSystemTest {

    @RegisterExtension
    static final SharedBroker SHARED = new SharedBroker("kafka-python");

    /** Debian's interpreter, where python3-kafka is installed; not whatever python3 is first on PATH. */
    private static final String PYTHON = "/usr/bin/python3";
    private static final int PARTITIONS = 3;
    private static final int COUNT = 40;
    private static final int SEEK_OFFSET = 2;

    /** A record as the script printed it: "sent" has no headers, "consumed" has them. */
    private record Line(String event, int partition, long offset, String key, String value, List<List<String>> headers) {
    }

    @ParameterizedTest(name = "compression {0}")
    @ValueSource(strings = {"none", "gzip"})
    void producesWithKeysAndReadsBackFromASeekPosition(String compression) throws Exception {
        String topic = "kafka-python-" + compression;
        Topics.create(SHARED.admin(), topic, PARTITIONS);

        CommandResult r = ExternalCommand.run(List.of(PYTHON, script().toString(), SHARED.broker().bootstrapServers(), topic,
                Integer.toString(PARTITIONS), Integer.toString(COUNT), Integer.toString(SEEK_OFFSET), compression),
                null, Duration.ofSeconds(120));
        r.assertSuccess();
        List<Line> lines = parse(r);
        List<Line> sent = lines.stream().filter(l -> l.event().equals("sent")).toList();
        List<Line> consumed = lines.stream().filter(l -> l.event().equals("consumed")).toList();

        assertEquals(COUNT, sent.size(), r::describe);
        long[] nextOffset = new long[PARTITIONS];
        for (int i = 0; i < COUNT; i++) {
            Line s = sent.get(i);
            assertEquals("key-" + i, s.key());
            // kafka-python's default partitioner must agree with Kafka's murmur2 (a client property,
            // checked here because the cross-client contract depends on it).
            int expectedPartition = Utils.toPositive(Utils.murmur2(s.key().getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            assertEquals(expectedPartition, s.partition(), "partition of " + s.key());
            // One producer, one request in flight: offsets in a partition follow send order from 0.
            assertEquals(nextOffset[s.partition()]++, s.offset(), "offset of " + s.key());
        }

        List<Line> expected = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Line s = sent.get(i);
            if (s.offset() >= SEEK_OFFSET) {
                expected.add(new Line("consumed", s.partition(), s.offset(), s.key(), s.value(),
                        List.of(List.of("idx", Integer.toString(i)))));
            }
        }
        Comparator<Line> inLogOrder = Comparator.comparingInt(Line::partition).thenComparingLong(Line::offset);
        List<Line> actual = new ArrayList<>(consumed);
        actual.sort(inLogOrder);
        expected.sort(inLogOrder);
        assertEquals(expected, actual);

        for (int p = 0; p < PARTITIONS; p++) {
            List<RawFetch.Batch> batches = RawFetch.batches(SHARED.admin(), topic, p);
            assertFalse(batches.isEmpty(), topic + "-" + p + " has no batches");
            for (RawFetch.Batch b : batches) {
                assertEquals(compression, b.compression(), "codec of " + b + " in " + topic + "-" + p);
                assertTrue(b.crcValid(), "CRC of " + b);
            }
        }
    }

    private static List<Line> parse(CommandResult r) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<Line> lines = new ArrayList<>();
        for (String text : r.stdoutLines()) {
            JsonNode n = mapper.readTree(text);
            List<List<String>> headers = null;
            if (n.has("headers")) {
                headers = new ArrayList<>();
                for (JsonNode h : n.get("headers")) {
                    headers.add(List.of(h.get(0).asText(), h.get(1).asText()));
                }
            }
            lines.add(new Line(n.get("event").asText(), n.get("partition").asInt(), n.get("offset").asLong(),
                    n.get("key").asText(), n.get("value").asText(), headers));
        }
        return lines;
    }

    private static Path script() throws URISyntaxException {
        return Path.of(KafkaPythonSystemTest.class.getResource("kafka_python_roundtrip.py").toURI());
    }
}
