package io.samsa.systest.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kafka-python 2.0.2 told it talks to Kafka 0.9 or 0.10.1 ({@code api_version}), so it sends only
 * what those releases had: message format v0 (Produce v1, Fetch v1) or v1 (Produce v2, Fetch v3),
 * JoinGroup v0/v1, ListOffsets v0/v1, OffsetCommit v2, OffsetFetch v1. It produces keyed records,
 * reads them with assign + seek and in a group, and reads back the group's commit
 * (kafka_python_old_api.py). The broker stores the old formats as v2 batches in the client's codec.
 */
@Tag("system")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KafkaPythonOldProtocolSystemTest {

    @RegisterExtension
    static final SharedBroker SHARED = new SharedBroker("kafka-python-old");

    private static final String PYTHON = "/usr/bin/python3";
    private static final int PARTITIONS = 2;
    private static final int COUNT = 30;

    private record Line(String event, int partition, long offset, String key, String value) {
    }

    @ParameterizedTest(name = "api_version {0}, compression {1}")
    @CsvSource({"0.9, none", "0.9, gzip", "0.10.1, none", "0.10.1, gzip"})
    void producesConsumesAndCommitsWithAnOldProtocol(String apiVersion, String compression) throws Exception {
        String topic = "old-api-" + apiVersion.replace('.', '-') + "-" + compression;
        String group = topic + "-group";
        Topics.create(SHARED.admin(), topic, PARTITIONS);

        CommandResult r = ExternalCommand.run(List.of(PYTHON, script().toString(), SHARED.broker().bootstrapServers(), topic,
                Integer.toString(PARTITIONS), Integer.toString(COUNT), apiVersion, compression, group),
                null, Duration.ofSeconds(180));
        r.assertSuccess();
        List<Line> lines = parse(r);

        List<Line> sent = events(lines, "sent");
        assertEquals(COUNT, sent.size(), r::describe);
        Map<Integer, Long> next = new HashMap<>();
        for (Line s : sent) {
            // One producer, one request in flight: offsets in a partition follow send order from 0.
            assertEquals(next.getOrDefault(s.partition(), 0L), s.offset(), "offset of " + s.key());
            next.put(s.partition(), s.offset() + 1);
        }
        List<Line> expected = new ArrayList<>();
        for (Line s : sent) {
            expected.add(new Line("", s.partition(), s.offset(), s.key(), s.value()));
        }
        expected.sort(IN_LOG_ORDER);
        assertEquals(expected, asRead(events(lines, "consumed")), "read with assign + seek");
        assertEquals(expected, asRead(events(lines, "group")), "read in a group");

        List<Line> committed = events(lines, "committed");
        assertEquals(PARTITIONS, committed.size(), r::describe);
        for (Line c : committed) {
            assertEquals(next.getOrDefault(c.partition(), 0L), c.offset(), "committed offset of partition " + c.partition());
        }

        for (int p = 0; p < PARTITIONS; p++) {
            List<RawFetch.Batch> batches = RawFetch.batches(SHARED.admin(), topic, p);
            assertFalse(batches.isEmpty(), topic + "-" + p + " has no batches");
            for (RawFetch.Batch b : batches) {
                assertEquals(compression, b.compression(), "codec of " + b + " in " + topic + "-" + p);
                assertTrue(b.crcValid(), "CRC of " + b);
            }
        }
    }

    private static final Comparator<Line> IN_LOG_ORDER = Comparator.comparingInt(Line::partition).thenComparingLong(Line::offset);

    private static List<Line> events(List<Line> lines, String event) {
        return lines.stream().filter(l -> l.event().equals(event)).toList();
    }

    private static List<Line> asRead(List<Line> read) {
        List<Line> out = new ArrayList<>();
        for (Line l : read) {
            out.add(new Line("", l.partition(), l.offset(), l.key(), l.value()));
        }
        out.sort(IN_LOG_ORDER);
        return out;
    }

    private static List<Line> parse(CommandResult r) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<Line> lines = new ArrayList<>();
        for (String text : r.stdoutLines()) {
            JsonNode n = mapper.readTree(text);
            lines.add(new Line(n.get("event").asText(), n.get("partition").asInt(), n.get("offset").asLong(),
                    n.has("key") ? n.get("key").asText() : null, n.has("value") ? n.get("value").asText() : null));
        }
        return lines;
    }

    private static Path script() throws URISyntaxException {
        return Path.of(KafkaPythonOldProtocolSystemTest.class.getResource("kafka_python_old_api.py").toURI());
    }
}
